package io.simbundle.charging.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simbundle.charging.Balance;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.usage.ExplainedUsage;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.FaultTest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the charging server with SIGKILL while PCEF sessions, calls and SMS ({@link PcefLoad})
 * report usage, restarts it on the same database, and retransmits every request left unanswered (T
 * flag): each reported byte, second and SMS must be debited exactly once — none lost with the
 * answers that never left, none doubled for requests committed just before the kill.
 */
@FaultTest
class ChargingKillTest {

  private static final Logger log = LoggerFactory.getLogger(ChargingKillTest.class);
  private static final int SUBSCRIBERS = 24;
  private static final int KILLS = 3;
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  @Test
  void killedServerNeitherLosesNorDoublesADebit() throws Exception {
    DatabaseSettings settings = TestDatabase.newSchemaSettings("gy_kill");
    try (Database database = Database.open(settings);
        ChargingFunction charging = start(database)) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        charging.install(
            ChargingFixture.plainProfile(msisdn(i), 1_000_000 * ChargingProcess.MB)
                .withSmsPerCycle(1_000_000)
                .withVoice(1_000_000_000, ChargingProfile.PER_STARTED_MINUTE));
      }
    }
    List<PcefLoad.Sent> all = new ArrayList<>();
    long answeredFromJournal = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      int port = FreePort.next();
      Process server = ChargingProcess.start(settings, port);
      List<PcefLoad.Sent> round;
      try (PcefSimulator pcef = connect(ChargingProcess.identity(port), "pgw-kill-" + kill)) {
        round = loadUntilKilled(pcef, server);
      }
      all.addAll(round);
      try (Database database = Database.open(settings);
          ChargingFunction charging = start(database);
          PcefSimulator pcef = connect(charging.identity(), "pgw-retransmit-" + kill)) {
        for (PcefLoad.Sent lost : round) {
          if (!lost.answered()) {
            assertEquals(
                2001L, PcefLoad.retransmit(pcef, lost, TIMEOUT).getResultCode().getUnsigned32());
          }
        }
        answeredFromJournal += charging.retransmissionsAnswered();
      }
    }
    try (Database database = Database.open(settings);
        ChargingFunction charging = start(database)) {
      long unanswered = all.stream().filter(s -> !s.answered()).count();
      log.info(
          "{} requests over {} kills, {} unanswered at a kill, {} of them committed before it",
          all.size(),
          KILLS,
          unanswered,
          answeredFromJournal);
      for (int i = 0; i < SUBSCRIBERS; i++) {
        String msisdn = msisdn(i);
        long reported =
            all.stream()
                .filter(s -> s.msisdn().equals(msisdn))
                .mapToLong(PcefLoad.Sent::used)
                .sum();
        Balance balance = charging.balance(msisdn).orElseThrow();
        long debited =
            switch (service(i)) {
              case DATA -> balance.allowanceUsedBytes();
              case VOICE -> balance.voiceSecondsUsed();
              case SMS -> balance.smsPerCycle() - balance.smsLeft();
            };
        assertEquals(reported, debited, service(i) + " used by " + msisdn);
        // The reasons stored with the decisions count the same units, once each.
        long explained =
            charging.explainedUsage(msisdn, Instant.EPOCH).orElseThrow().stream()
                .mapToLong(ExplainedUsage::units)
                .sum();
        assertEquals(reported, explained, service(i) + " decisions stored for " + msisdn);
        assertTrue(reported > 0, service(i) + " reported by " + msisdn);
      }
      assertTrue(unanswered > 0, "the kills left requests unanswered");
      assertTrue(
          answeredFromJournal > 0, "some kills fell between a commit and its answers leaving");
    }
  }

  /** Every subscriber runs sessions of CCR-I and CCR-U with usage until the server is killed. */
  private static List<PcefLoad.Sent> loadUntilKilled(PcefSimulator pcef, Process server)
      throws Exception {
    ConcurrentLinkedQueue<PcefLoad.Sent> sent = new ConcurrentLinkedQueue<>();
    ChargingProcess.loadThenKill(
        server,
        SUBSCRIBERS,
        Duration.ofMillis(1500),
        (i, killed) -> PcefLoad.runSessions(pcef, service(i), msisdn(i), killed, sent, TIMEOUT));
    return List.copyOf(sent);
  }

  private static ChargingFunction start(Database database) {
    return ChargingFunction.start(
        database,
        ChargingProcess.identity(FreePort.next()),
        ChargingProcess.SETTINGS,
        Clock.systemUTC());
  }

  private static PcefSimulator connect(DiameterIdentity server, String host) {
    return PcefSimulator.connect(
        new DiameterIdentity(
            host + ".pcef.simbundle.local", "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
        server,
        Duration.ofSeconds(10));
  }

  /** A third of the subscribers browse, a third call, a third send SMS. */
  private static PcefLoad.Service service(int i) {
    return PcefLoad.Service.values()[i % PcefLoad.Service.values().length];
  }

  private static String msisdn(int i) {
    return "86187" + String.format("%08d", i);
  }
}
