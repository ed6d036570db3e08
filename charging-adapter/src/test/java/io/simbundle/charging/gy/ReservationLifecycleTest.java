package io.simbundle.charging.gy;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.gy.ChargingFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reservations that outlive their session, and answers that outlive the server. */
@EngineTest
class ReservationLifecycleTest {

  private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
  private static final String MSISDN = "8618600000042";
  private final MutableClock clock = new MutableClock(START);
  private ChargingFixture fixture;

  @BeforeEach
  void start() {
    fixture =
        ChargingFixture.start(
            "reservation_lifecycle",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            clock);
    fixture
        .charging()
        .install(
            new ChargingProfile(
                MSISDN,
                Optional.of("460010000000042"),
                100 * MB,
                Instant.parse("2026-10-31T16:00:00Z"),
                Instant.parse("2026-11-30T16:00:00Z"),
                List.of(),
                List.of()));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private AnswerView send(PcefSimulator pcef, Session session, int type, int number, Mscc... mscc) {
    return ChargingFixture.send(pcef, session, type, number, MSISDN, mscc);
  }

  @Test
  void silentSessionLosesItsReservationAfterItsTcc() throws Exception {
    try (PcefSimulator pcef = fixture.pcef("pgw-9.pcef.simbundle.local")) {
      Session session = pcef.newSession();
      send(pcef, session, GyAvp.INITIAL_REQUEST, 0, new Mscc(10, 10 * MB, -1));
      assertThat(fixture.charging().balance(MSISDN).orElseThrow().reservedBytes())
          .isEqualTo(10 * MB);

      clock.advance(Duration.ofMinutes(59));
      assertThat(fixture.charging().releaseExpiredReservations()).isZero();
      clock.advance(Duration.ofMinutes(1));
      assertThat(fixture.charging().releaseExpiredReservations()).isEqualTo(1);

      assertThat(fixture.charging().balance(MSISDN).orElseThrow().reservedBytes()).isZero();
      assertThat(fixture.charging().balance(MSISDN).orElseThrow().allowanceUsedBytes()).isZero();
    }
  }

  @Test
  void retransmissionAfterARestartGetsTheCommittedAnswerAndNoSecondDebit() throws Exception {
    String sessionId;
    long granted;
    try (PcefSimulator pcef = fixture.pcef("pgw-8.pcef.simbundle.local")) {
      Session session = pcef.newSession();
      sessionId = session.getSessionId();
      send(pcef, session, GyAvp.INITIAL_REQUEST, 0, new Mscc(10, 10 * MB, -1));
      granted =
          send(pcef, session, GyAvp.UPDATE_REQUEST, 1, new Mscc(10, 10 * MB, 6 * MB))
              .mscc(10)
              .grantedBytes();
    }
    // The server dies after committing; the PCEF never saw the answer and tries again.
    fixture.restartCharging();

    try (PcefSimulator pcef = fixture.pcef("pgw-8.pcef.simbundle.local")) {
      Session same = pcef.session(sessionId);
      AnswerView again = send(pcef, same, GyAvp.UPDATE_REQUEST, 1, new Mscc(10, 10 * MB, 6 * MB));

      assertThat(again.mscc(10).grantedBytes()).isEqualTo(granted);
      assertThat(fixture.charging().balance(MSISDN).orElseThrow().allowanceUsedBytes())
          .isEqualTo(6 * MB);
      assertThat(fixture.charging().balance(MSISDN).orElseThrow().openSessions())
          .containsExactly(sessionId);
    }
  }

  @Test
  void changedProfileSendsAReAuthRequestForEachOpenSessionToItsPcef() throws Exception {
    try (PcefSimulator pcef = fixture.pcef("pgw-6.pcef.simbundle.local")) {
      Session open = pcef.newSession();
      Session closed = pcef.newSession();
      send(pcef, open, GyAvp.INITIAL_REQUEST, 0, new Mscc(10, 5 * MB, -1));
      send(pcef, closed, GyAvp.INITIAL_REQUEST, 0, new Mscc(10, 5 * MB, -1));
      send(pcef, closed, GyAvp.TERMINATION_REQUEST, 1, new Mscc(10, -1, MB));

      fixture
          .charging()
          .install(
              new ChargingProfile(
                  MSISDN,
                  Optional.of("460010000000042"),
                  200 * MB,
                  Instant.parse("2026-10-31T16:00:00Z"),
                  Instant.parse("2026-11-30T16:00:00Z"),
                  List.of(),
                  List.of()));

      assertThat(pcef.nextReAuthorization(TIMEOUT)).contains(open.getSessionId());
      assertThat(pcef.nextReAuthorization(Duration.ofSeconds(1))).isEmpty();
      assertThat(fixture.charging().balance(MSISDN).orElseThrow().allowanceBytes())
          .isEqualTo(200 * MB);
    }
  }

  @Test
  void subscriberIsFoundByImsiToo() throws Exception {
    try (PcefSimulator pcef = fixture.pcef("pgw-7.pcef.simbundle.local")) {
      Session session = pcef.newSession();
      org.jdiameter.api.Request request =
          pcef.creditControlRequest(session, GyAvp.EVENT_REQUEST, 0);
      org.jdiameter.api.AvpSet id =
          request.getAvps().addGroupedAvp(GyAvp.SUBSCRIPTION_ID, true, false);
      id.addAvp(GyAvp.SUBSCRIPTION_ID_TYPE, GyAvp.END_USER_IMSI, true, false);
      id.addAvp(GyAvp.SUBSCRIPTION_ID_DATA, "460010000000042", true, false, false);

      assertThat(new AnswerView(pcef.send(session, request, TIMEOUT)).resultCode())
          .isEqualTo(ResultCode.SUCCESS);
    }
  }
}
