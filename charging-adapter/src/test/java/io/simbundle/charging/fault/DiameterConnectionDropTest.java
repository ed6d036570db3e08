package io.simbundle.charging.fault;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.gy.ChargingFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.Balance;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.gy.GyPeer;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.net.TcpRelay;
import io.simbundle.platform.testing.FaultTest;
import io.simbundle.platform.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The link between a PCEF and the charging function fails mid-session (a reset, no DPR) and the
 * PCEF connects again: a session it goes on with is charged as if nothing happened, a session it
 * forgot is cleaned up when its Tcc runs out (RFC 4006 §8.4), and Gy lists the PCEF's peer state.
 */
@FaultTest
class DiameterConnectionDropTest {

  private static final String MSISDN = "8618600000077";
  private static final String PGW = "pgw-drop.pcef.simbundle.local";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private ChargingFixture fixture;
  private TcpRelay link;

  @BeforeEach
  void start() {
    fixture =
        ChargingFixture.start(
            "diameter_drop", ChargingSettings.UnknownRatingGroups.DENY, Optional.empty(), clock);
    fixture.charging().install(ChargingFixture.plainProfile(MSISDN, 100 * MB));
    link = TcpRelay.to(fixture.charging().identity().port());
  }

  @AfterEach
  void stop() {
    link.close();
    fixture.close();
  }

  /** The PCEF connects through the relay, as over the operator's network. */
  private PcefSimulator connect() {
    DiameterIdentity server = fixture.charging().identity();
    return PcefSimulator.connect(
        new DiameterIdentity(PGW, "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
        new DiameterIdentity(server.host(), server.realm(), "127.0.0.1", link.port()),
        TIMEOUT);
  }

  private static AnswerView send(
      PcefSimulator pcef, Session session, int type, int number, Mscc mscc) {
    return ChargingFixture.send(pcef, session, type, number, MSISDN, mscc);
  }

  @Test
  void sessionGoesOnOverTheNewConnectionAndAForgottenOneIsReleasedAfterItsTcc() throws Exception {
    String continued;
    String forgotten;
    PcefSimulator before = connect();
    try {
      Session browsing = before.newSession();
      Session video = before.newSession();
      continued = browsing.getSessionId();
      forgotten = video.getSessionId();
      send(before, browsing, GyAvp.INITIAL_REQUEST, 0, new Mscc(10, 10 * MB, -1));
      send(before, browsing, GyAvp.UPDATE_REQUEST, 1, new Mscc(10, 10 * MB, 4 * MB));
      send(before, video, GyAvp.INITIAL_REQUEST, 0, new Mscc(10, 10 * MB, -1));
      assertThat(peerState()).hasValue("OKAY");

      link.cut();

      assertThat(awaitPeerState(s -> !"OKAY".equals(s))).as("peer state after the cut").isTrue();
    } finally {
      before.close();
    }

    try (PcefSimulator after = connect()) {
      Session same = after.session(continued);
      AnswerView update = send(after, same, GyAvp.UPDATE_REQUEST, 2, new Mscc(10, 10 * MB, 3 * MB));
      AnswerView end = send(after, same, GyAvp.TERMINATION_REQUEST, 3, new Mscc(10, -1, MB));

      assertThat(update.resultCode()).isEqualTo(2001);
      assertThat(update.mscc(10).grantedBytes()).isEqualTo(10 * MB);
      assertThat(end.resultCode()).isEqualTo(2001);
      assertThat(peerState()).hasValue("OKAY");
    }
    Balance afterReconnect = fixture.charging().balance(MSISDN).orElseThrow();
    assertThat(afterReconnect.allowanceUsedBytes()).isEqualTo(8 * MB);
    assertThat(afterReconnect.openSessions()).containsExactly(forgotten);
    assertThat(afterReconnect.reservedBytes()).isEqualTo(10 * MB);

    // Twice the Validity-Time (30 min) with no word from the PCEF: Tcc is out.
    clock.advance(Duration.ofMinutes(61));
    assertThat(fixture.charging().releaseExpiredReservations()).isEqualTo(1);
    Balance cleanedUp = fixture.charging().balance(MSISDN).orElseThrow();
    assertThat(cleanedUp.openSessions()).isEmpty();
    assertThat(cleanedUp.reservedBytes()).isZero();
    assertThat(cleanedUp.allowanceUsedBytes()).isEqualTo(8 * MB);
  }

  private Optional<String> peerState() {
    return fixture.charging().peers().stream()
        .filter(p -> p.host().equals(PGW))
        .map(GyPeer::state)
        .findFirst();
  }

  /** Whether the PCEF's peer reached a state (or left the table) within a few seconds. */
  private boolean awaitPeerState(java.util.function.Predicate<String> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<String> state = peerState();
      if (state.isEmpty() || wanted.test(state.get())) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }
}
