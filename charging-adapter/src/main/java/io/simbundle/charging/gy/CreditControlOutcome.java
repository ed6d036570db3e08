package io.simbundle.charging.gy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Credit-Control-Answer says, kept so that a retransmitted request gets exactly the same
 * answer.
 *
 * @param resultCode the command-level Result-Code
 * @param requestType the CC-Request-Type answered
 * @param requestNumber the CC-Request-Number answered
 * @param failedAvp the AVP code a 5004/5005 is about
 * @param mscc the answers per rating group
 */
public record CreditControlOutcome(
    long resultCode,
    int requestType,
    long requestNumber,
    Optional<Integer> failedAvp,
    List<MsccOutcome> mscc) {

  public CreditControlOutcome {
    Objects.requireNonNull(failedAvp);
    mscc = List.copyOf(mscc);
  }

  public static CreditControlOutcome error(
      long resultCode, int requestType, long requestNumber, int failedAvp) {
    return new CreditControlOutcome(
        resultCode, requestType, requestNumber, Optional.of(failedAvp), List.of());
  }
}
