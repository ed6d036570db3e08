package io.simbundle.charging.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simbundle.charging.Balance;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the charging server with SIGKILL while PCEF sessions report usage, restarts it on the same
 * database, and retransmits every request left unanswered (T flag): each reported byte must be
 * debited exactly once — none lost with the answers that never left, none doubled for requests
 * committed just before the kill.
 */
class ChargingKillTest {

  private static final Logger log = LoggerFactory.getLogger(ChargingKillTest.class);
  private static final int SUBSCRIBERS = 24;
  private static final int KILLS = 3;
  private static final long USED = 100 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  /** One request as the PCEF sent it, to retransmit if it went unanswered. */
  private record Sent(
      String sessionId, int type, int number, String msisdn, long usedBytes, boolean answered) {}

  @Test
  void killedServerNeitherLosesNorDoublesADebit() throws Exception {
    DatabaseSettings settings = TestDatabase.newSchemaSettings("gy_kill");
    try (Database database = Database.open(settings);
        ChargingFunction charging = start(database)) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        charging.install(ChargingFixture.plainProfile(msisdn(i), 1_000_000 * ChargingProcess.MB));
      }
    }
    List<Sent> all = new ArrayList<>();
    long answeredFromJournal = 0;
    for (int kill = 0; kill < KILLS; kill++) {
      int port = FreePort.next();
      Process server = ChargingProcess.start(settings, port);
      List<Sent> round;
      try (PcefSimulator pcef = connect(ChargingProcess.identity(port), "pgw-kill-" + kill)) {
        round = loadUntilKilled(pcef, server);
      }
      all.addAll(round);
      try (Database database = Database.open(settings);
          ChargingFunction charging = start(database);
          PcefSimulator pcef = connect(charging.identity(), "pgw-retransmit-" + kill)) {
        for (Sent lost : round) {
          if (!lost.answered()) {
            assertEquals(2001L, retransmit(pcef, lost).getResultCode().getUnsigned32());
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
            all.stream().filter(s -> s.msisdn().equals(msisdn)).mapToLong(Sent::usedBytes).sum();
        Balance balance = charging.balance(msisdn).orElseThrow();
        assertEquals(reported, balance.allowanceUsedBytes(), "allowance used by " + msisdn);
      }
      assertTrue(unanswered > 0, "the kills left requests unanswered");
      assertTrue(
          answeredFromJournal > 0, "some kills fell between a commit and its answers leaving");
    }
  }

  /** Every subscriber runs sessions of CCR-I and CCR-U with usage until the server is killed. */
  private static List<Sent> loadUntilKilled(PcefSimulator pcef, Process server) throws Exception {
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService subscribers = Executors.newFixedThreadPool(SUBSCRIBERS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < SUBSCRIBERS; i++) {
        String msisdn = msisdn(i);
        running.add(subscribers.submit(() -> runSessions(pcef, msisdn, killed, sent)));
      }
      Thread.sleep(1500);
      killed.set(true);
      server.destroyForcibly().waitFor();
      for (Future<?> subscriber : running) {
        subscriber.get();
      }
    } finally {
      subscribers.shutdownNow();
    }
    return List.copyOf(sent);
  }

  private static Void runSessions(
      PcefSimulator pcef, String msisdn, AtomicBoolean killed, ConcurrentLinkedQueue<Sent> sent) {
    while (true) {
      Session session = pcef.newSession();
      for (int number = 0; number < 6; number++) {
        int type = number == 0 ? GyAvp.INITIAL_REQUEST : GyAvp.UPDATE_REQUEST;
        long used = number == 0 ? 0 : USED;
        Request request = request(pcef, session, type, number, msisdn, used);
        boolean answered;
        try {
          answered = pcef.send(session, request, TIMEOUT).getResultCode().getUnsigned32() == 2001;
        } catch (RuntimeException | org.jdiameter.api.AvpDataException e) {
          answered = false;
        }
        sent.add(new Sent(session.getSessionId(), type, number, msisdn, used, answered));
        if (!answered) {
          if (!killed.get()) {
            throw new AssertionError("a request failed before the kill");
          }
          return null;
        }
      }
    }
  }

  private static Answer retransmit(PcefSimulator pcef, Sent lost) {
    Session session = pcef.session(lost.sessionId());
    Request request =
        request(pcef, session, lost.type(), lost.number(), lost.msisdn(), lost.usedBytes());
    request.setReTransmitted(true);
    return pcef.send(session, request, TIMEOUT);
  }

  private static Request request(
      PcefSimulator pcef, Session session, int type, int number, String msisdn, long used) {
    return pcef.creditControlRequest(
        session,
        type,
        number,
        msisdn,
        List.of(new Mscc(10, ChargingProcess.MB, type == GyAvp.INITIAL_REQUEST ? -1 : used)));
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

  private static String msisdn(int i) {
    return "86187" + String.format("%08d", i);
  }
}
