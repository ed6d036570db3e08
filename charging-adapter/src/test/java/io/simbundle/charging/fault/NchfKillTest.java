package io.simbundle.charging.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.nchf.ChfServer;
import io.simbundle.charging.nchf.ChfSettings;
import io.simbundle.charging.nchf.NchfClient;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.FaultTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the charging function with SIGKILL while SMFs charge PDU sessions over Nchf, starts it
 * again on the same database and sends every unanswered request again with {@code
 * retransmissionIndicator}: each subscriber's debited bytes must equal what its requests reported —
 * none lost, none counted twice — also for creates whose 201 never left.
 */
@FaultTest
class NchfKillTest {

  private static final Logger log = LoggerFactory.getLogger(NchfKillTest.class);
  private static final int SUBSCRIBERS = 12;
  private static final int KILLS = 3;
  private static final long USED = 100 * 1024;

  /** One request sent, and whether its answer came. */
  record Sent(String msisdn, String path, ObjectNode body, long used, boolean answered) {}

  @Test
  void killedChfNeitherLosesNorDoublesADebit() throws Exception {
    DatabaseSettings settings = TestDatabase.newSchemaSettings("nchf_kill");
    try (Database database = Database.open(settings);
        ChargingFunction charging = start(database)) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        charging.install(ChargingFixture.plainProfile(msisdn(i), 1_000_000 * ChargingProcess.MB));
      }
    }
    List<Sent> all = new ArrayList<>();
    long answeredFromJournal = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      int chfPort = FreePort.next();
      Process server = ChargingProcess.startWithChf(settings, FreePort.next(), chfPort);
      List<Sent> round;
      try (NchfClient smf = new NchfClient(chfPort)) {
        round = loadUntilKilled(smf, server, kill);
      }
      all.addAll(round);
      try (Database database = Database.open(settings);
          ChargingFunction charging = start(database);
          NchfClient smf = new NchfClient(chf(charging).port())) {
        for (Sent lost : round) {
          if (!lost.answered()) {
            NchfClient.Reply again =
                smf.post(
                    lost.path(),
                    "application/json",
                    lost.body().deepCopy().put("retransmissionIndicator", true).toString());
            assertThat(again.status()).as(again.body()).isBetween(200, 204);
          }
        }
        answeredFromJournal += charging.retransmissionsAnswered();
      }
    }
    try (Database database = Database.open(settings);
        ChargingFunction charging = start(database)) {
      long unanswered = all.stream().filter(s -> !s.answered()).count();
      log.info(
          "{} Nchf requests over {} kills, {} unanswered at a kill, {} of them committed before it",
          all.size(),
          KILLS,
          unanswered,
          answeredFromJournal);
      for (int i = 0; i < SUBSCRIBERS; i++) {
        String msisdn = msisdn(i);
        long reported =
            all.stream().filter(s -> s.msisdn().equals(msisdn)).mapToLong(Sent::used).sum();
        assertThat(charging.balance(msisdn).orElseThrow().allowanceUsedBytes())
            .as("bytes debited to " + msisdn)
            .isEqualTo(reported);
        assertThat(reported).isPositive();
      }
      assertThat(unanswered).as("the kills left requests unanswered").isPositive();
    }
  }

  private static List<Sent> loadUntilKilled(NchfClient smf, Process server, int round)
      throws Exception {
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    ChargingProcess.loadThenKill(
        server,
        SUBSCRIBERS,
        Duration.ofMillis(1500),
        (i, killed) ->
            sessions(smf, msisdn(i), (round * SUBSCRIBERS + i) * 1_000_000L, killed, sent));
    return List.copyOf(sent);
  }

  /**
   * PDU sessions one after the other: a create, then updates reporting {@link #USED} bytes each,
   * until a request goes unanswered (the server was killed); that one is the session's last.
   */
  private static void sessions(
      NchfClient smf,
      String msisdn,
      long chargingId,
      AtomicBoolean killed,
      ConcurrentLinkedQueue<Sent> sent) {
    long session = chargingId;
    while (!killed.get()) {
      ObjectNode create = NchfClient.unit(NchfClient.request(msisdn, session, 1), 10, USED, 0);
      String ref;
      try {
        NchfClient.Reply created = smf.create(create);
        if (created.status() != 201) {
          throw new AssertionError("create answered " + created.status() + ": " + created.body());
        }
        sent.add(new Sent(msisdn, ChfServer.API, create, 0, true));
        ref = created.reference();
      } catch (AssertionError lost) {
        if (!killed.get()) {
          throw lost;
        }
        sent.add(new Sent(msisdn, ChfServer.API, create, 0, false));
        return;
      }
      for (int sequence = 2; sequence <= 6; sequence++) {
        ObjectNode update =
            NchfClient.unit(NchfClient.request(msisdn, session, sequence), 10, USED, USED);
        String path = ChfServer.API + "/" + ref + "/update";
        try {
          NchfClient.Reply updated = smf.post(path, "application/json", update.toString());
          if (updated.status() != 200) {
            throw new AssertionError("update answered " + updated.status());
          }
          sent.add(new Sent(msisdn, path, update, USED, true));
        } catch (AssertionError lost) {
          if (!killed.get()) {
            throw lost;
          }
          sent.add(new Sent(msisdn, path, update, USED, false));
          return;
        }
      }
      session++;
    }
  }

  private static ChargingFunction start(Database database) {
    return ChargingFunction.start(
        database,
        ChargingProcess.identity(FreePort.next()),
        ChargingProcess.SETTINGS,
        Clock.systemUTC());
  }

  private static ChfServer chf(ChargingFunction charging) {
    return charging.serveNchf(ChfSettings.cleartext("127.0.0.1", 0));
  }

  private static String msisdn(int i) {
    return "86188" + String.format("%08d", i);
  }
}
