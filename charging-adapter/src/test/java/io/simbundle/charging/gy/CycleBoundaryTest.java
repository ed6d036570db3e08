package io.simbundle.charging.gy;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.Balance;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.Test;

/**
 * A session across the end of a billing cycle (midnight in Beijing): its grant ends at the
 * boundary, what it used before is charged to the old cycle, and the new cycle starts afresh at its
 * first request — without waiting for provisioning's new profile.
 */
@EngineTest
class CycleBoundaryTest {

  private static final Instant CYCLE_START = Instant.parse("2026-10-31T16:00:00Z");
  private static final Instant BOUNDARY = Instant.parse("2026-11-30T16:00:00Z");
  private static final String MSISDN = "8618600000301";

  @Test
  void aSessionAcrossTheBoundaryChargesEachCycleWithItsOwnUsage() throws Exception {
    MutableClock clock = new MutableClock(BOUNDARY.minus(Duration.ofMinutes(10)));
    try (ChargingFixture fixture =
            ChargingFixture.start(
                "cycle_boundary",
                ChargingSettings.UnknownRatingGroups.DENY,
                Optional.empty(),
                clock);
        PcefSimulator pcef = fixture.pcef("pgw-boundary.pcef.simbundle.local")) {
      fixture
          .charging()
          .install(
              new ChargingProfile(
                      MSISDN,
                      Optional.empty(),
                      100 * MB,
                      CYCLE_START,
                      BOUNDARY,
                      List.of(),
                      List.of())
                  .withSmsPerCycle(10));
      Session session = pcef.newSession();
      ChargingFixture.send(pcef, session, GyAvp.INITIAL_REQUEST, 0, MSISDN, new Mscc(10, MB, -1));
      ChargingFixture.send(
          pcef, session, GyAvp.UPDATE_REQUEST, 1, MSISDN, new Mscc(10, MB, 60 * MB));

      AnswerView beforeMidnight =
          ChargingFixture.send(
              pcef, session, GyAvp.UPDATE_REQUEST, 2, MSISDN, new Mscc(10, MB, MB));
      clock.advance(Duration.ofMinutes(10).plusSeconds(1));
      AnswerView afterMidnight =
          ChargingFixture.send(
              pcef, session, GyAvp.UPDATE_REQUEST, 3, MSISDN, new Mscc(10, MB, 30 * MB));
      Balance atMidnight = fixture.charging().balance(MSISDN).orElseThrow();
      ChargingFixture.send(
          pcef, session, GyAvp.TERMINATION_REQUEST, 4, MSISDN, new Mscc(10, -1, 2 * MB));

      // The grant ended at the boundary: the PCEF reported the old cycle's 30 MB there.
      assertThat(beforeMidnight.mscc(10).validitySeconds()).isEqualTo(600);
      assertThat(afterMidnight.mscc(10).resultCode()).isEqualTo(ResultCode.SUCCESS);
      assertThat(afterMidnight.mscc(10).validitySeconds()).isEqualTo(1800);
      assertThat(atMidnight.allowanceUsedBytes()).as("a new cycle").isZero();
      Balance december = fixture.charging().balance(MSISDN).orElseThrow();
      assertThat(december.allowanceUsedBytes()).isEqualTo(2 * MB);
      assertThat(december.smsLeft()).isEqualTo(10);
      assertThat(fixture.charging().profile(MSISDN).orElseThrow().cycleStart()).isEqualTo(BOUNDARY);
    }
  }
}
