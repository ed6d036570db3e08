package io.simbundle.charging.wire;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.fault.FreeDiameterRelay;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.gy.ResultCode;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * SMS and calls through a real Diameter agent — Debian's freeDiameter relay with its 3GPP
 * credit-control dictionary — both ways: the agent parses every request (Service-Information,
 * IMS-Information, Requested-Action, CC-Time, CC-Service-Specific-Units) and every answer
 * (Cost-Information, Check-Balance-Result, Granted-Service-Unit) and passes them on.
 */
@EngineTest
class RoThroughFreeDiameterTest {

  private static final String MSISDN = "8618600000401";

  @Test
  void smsEventsAndACallAreAnsweredThroughTheRelay() throws Exception {
    Assumptions.assumeTrue(
        FreeDiameterRelay.installed(),
        "freeDiameter is not installed (Debian packages freediameterd and freediameter-extensions;"
            + " .ci/run installs them)");
    try (ChargingFixture fixture =
        ChargingFixture.start(
            "ro_relay",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.systemUTC())) {
      fixture
          .charging()
          .install(
              ChargingFixture.plainProfile(MSISDN, 100 * MB)
                  .withSmsPerCycle(5)
                  .withVoice(600, ChargingProfile.PER_STARTED_MINUTE));
      DiameterIdentity ocs = fixture.charging().identity();
      try (FreeDiameterRelay relay = FreeDiameterRelay.start(List.of(ocs))) {
        relay.awaitOpen(Set.of(ocs.host()), Duration.ofSeconds(30));
        try (PcefSimulator node =
            PcefSimulator.connect(
                new DiameterIdentity(
                    "scscf-relay.ims.simbundle.local",
                    "pcef.simbundle.local",
                    "127.0.0.1",
                    FreePort.next()),
                relay.identity(),
                Duration.ofSeconds(20))) {
          node.toRealmOnly();

          Session priced = node.newSession();
          AnswerView price =
              send(
                  node, priced, () -> node.smsEvent(priced, 0, MSISDN, GyAvp.PRICE_ENQUIRY, 1, 50));
          Session sent = node.newSession();
          AnswerView debit =
              send(node, sent, () -> node.smsEvent(sent, 0, MSISDN, GyAvp.DIRECT_DEBITING, 2, 50));
          Session call = node.newSession();
          AnswerView answered =
              send(
                  node,
                  call,
                  () ->
                      node.voiceCall(
                          call, GyAvp.INITIAL_REQUEST, 0, MSISDN, "8613800138000", 0, -1));
          AnswerView hungUp =
              send(
                  node,
                  call,
                  () ->
                      node.voiceCall(
                          call, GyAvp.TERMINATION_REQUEST, 1, MSISDN, "8613800138000", -1, 75));

          assertThat(price.resultCode()).isEqualTo(ResultCode.SUCCESS);
          assertThat(price.cost())
              .contains(new AnswerView.Cost(new BigDecimal("0.00"), GyAvp.CURRENCY_CNY));
          assertThat(debit.mscc(50).grantedUnits()).isEqualTo(2);
          assertThat(answered.mscc(PcefSimulator.VOICE_RATING_GROUP).grantedSeconds())
              .isEqualTo(300);
          assertThat(hungUp.resultCode()).isEqualTo(ResultCode.SUCCESS);
        }
      }
      assertThat(fixture.charging().balance(MSISDN).orElseThrow())
          .satisfies(
              balance -> {
                assertThat(balance.smsLeft()).isEqualTo(3);
                assertThat(balance.voiceSecondsUsed())
                    .as("75 s: two started minutes")
                    .isEqualTo(120);
              });
    }
  }

  private static AnswerView send(PcefSimulator node, Session session, Supplier<Request> request) {
    return new AnswerView(ChargingFixture.send(node, session, request));
  }
}
