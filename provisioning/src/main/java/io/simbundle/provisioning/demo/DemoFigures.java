package io.simbundle.provisioning.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * What one telling of the demo came to.
 *
 * @param weChatMsisdn the WeChat Wo subscriber
 * @param yixinMsisdn the Yixin subscriber
 * @param traffic what the PCEF reported
 * @param fiveG what the SMF reported over Nchf, when the engine serves the CHF
 * @param backOnFourG what the PGW was answered after the 5G leg, when there was one
 * @param weChatBalance the WeChat Wo subscriber's balance afterwards, as the API answered it
 * @param whyVideoCharged the answer to "why was the video call charged?"
 * @param tencentSettlementFen what Tencent owes for the month so far
 * @param refundedFen what was refunded to the buyer who changed their mind
 * @param familyMsisdns the numbers the family's order of two cards was activated on
 */
public record DemoFigures(
    String weChatMsisdn,
    String yixinMsisdn,
    GyTraffic.Figures traffic,
    Optional<ChfTraffic.Figures> fiveG,
    Optional<BackOnFourG.Figures> backOnFourG,
    JsonNode weChatBalance,
    String whyVideoCharged,
    long tencentSettlementFen,
    long refundedFen,
    List<String> familyMsisdns) {

  public DemoFigures {
    familyMsisdns = List.copyOf(familyMsisdns);
  }
}
