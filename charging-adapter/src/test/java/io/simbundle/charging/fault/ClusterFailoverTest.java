package io.simbundle.charging.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.Shards;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.FaultTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three charging nodes in JVMs of their own on one database, under Gy load from a PCEF connected to
 * all three: an owner killed with SIGKILL twice (each restarted once the others took its shards),
 * then an owner stopped with SIGSTOP past its lease and resumed. Afterwards every reported byte is
 * debited exactly once, every request got its final answer, and no shard's journal holds a row of
 * an earlier epoch after one of a later epoch.
 */
@FaultTest
class ClusterFailoverTest {

  private static final Logger log = LoggerFactory.getLogger(ClusterFailoverTest.class);
  private static final int SUBSCRIBERS = 24;
  private static final int REQUESTS_PER_SESSION = 6;
  private static final long USED = 100 * 1024;
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration RENEW = Duration.ofMillis(500);
  private static final Duration REQUEST_DEADLINE = Duration.ofSeconds(40);
  private static final Duration WAIT = Duration.ofSeconds(60);

  /** A request with its final outcome. */
  private record Sent(String msisdn, long used, ClusterPcef.Outcome outcome) {}

  /** A node's death (or stall) and the shards it held then. */
  private record Failure(long atNanos, List<Integer> shards) {}

  private final Map<String, Process> processes = new HashMap<>();
  private final List<Failure> failures = new ArrayList<>();
  private DatabaseSettings settings;
  private LeaseTable leases;

  @Test
  void threeNodesAbsorbTwoKillsAndAStallWithEveryByteDebitedOnce() throws Exception {
    settings = TestDatabase.newSchemaSettings("gy_cluster");
    ClusterPcef pcef = new ClusterPcef();
    try (Database database = Database.open(settings)) {
      leases = new LeaseTable(database.dataSource());
      try (ChargingFunction setup = node(database, "setup")) {
        for (int i = 0; i < SUBSCRIBERS; i++) {
          setup.install(ChargingFixture.plainProfile(msisdn(i), 1_000_000L * 1024 * 1024));
        }
      }
      for (String node : List.of("node-a", "node-b", "node-c")) {
        start(node, pcef);
      }
      await(() -> owners().size() == 3 && leases.all().size() == Shards.COUNT, "3 nodes share");

      ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
      AtomicBoolean stop = new AtomicBoolean();
      ExecutorService load = Executors.newFixedThreadPool(SUBSCRIBERS);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < SUBSCRIBERS; i++) {
        String msisdn = msisdn(i);
        running.add(load.submit(() -> runSessions(pcef, msisdn, stop, sent)));
      }
      List<Long> takeoverMillis = new ArrayList<>();
      try {
        Thread.sleep(2_000);
        for (int round = 0; round < 2; round++) {
          String victim = leases.all().get(round * 100).owner();
          long killedAt = System.nanoTime();
          failures.add(new Failure(killedAt, shardsOf(victim)));
          processes.get(victim).destroyForcibly().waitFor();
          log.info("killed {}", victim);
          await(
              () -> !owners().containsKey(victim) && leases.all().size() == Shards.COUNT,
              "the shards of " + victim + " are taken over");
          takeoverMillis.add((System.nanoTime() - killedAt) / 1_000_000);
          start(victim, pcef);
          await(() -> owners().size() == 3, victim + " rejoins");
          Thread.sleep(1_000);
        }
        String stalled = leases.all().get(200).owner();
        long pid = processes.get(stalled).pid();
        List<Integer> stalledShards = shardsOf(stalled);
        signal("STOP", pid);
        long stoppedAt = System.nanoTime();
        failures.add(new Failure(stoppedAt, stalledShards));
        log.info("stopped {}", stalled);
        await(
            () -> !owners().containsKey(stalled) && leases.all().size() == Shards.COUNT,
            "the shards of the stalled " + stalled + " are taken over");
        takeoverMillis.add((System.nanoTime() - stoppedAt) / 1_000_000);
        Thread.sleep(1_000);
        signal("CONT", pid);
        log.info("resumed {}", stalled);
        await(() -> owners().size() == 3, stalled + " rejoins after its stall");
        Thread.sleep(2_000);
      } finally {
        stop.set(true);
        for (Future<?> subscriber : running) {
          subscriber.get(REQUEST_DEADLINE.toSeconds() + 30, TimeUnit.SECONDS);
        }
        load.shutdownNow();
        processes.values().forEach(p -> p.destroyForcibly());
      }

      List<Sent> all = List.copyOf(sent);
      assertThat(all.stream().filter(s -> s.outcome().resultCode() != 2001))
          .as("every request got its final answer after retransmission")
          .isEmpty();
      try (ChargingFunction verifier = node(database, "verifier")) {
        for (int i = 0; i < SUBSCRIBERS; i++) {
          String msisdn = msisdn(i);
          long reported =
              all.stream().filter(s -> s.msisdn().equals(msisdn)).mapToLong(Sent::used).sum();
          assertThat(verifier.balance(msisdn).orElseThrow().allowanceUsedBytes())
              .as("allowance used by %s", msisdn)
              .isEqualTo(reported);
        }
      }
      assertThat(interleavedEpochs(database))
          .as("shards whose journal interleaves epochs")
          .isEmpty();
      long retried = all.stream().filter(s -> s.outcome().attempts() > 1).count();
      List<Long> answeredAgain = answeredAgainMillis(all);
      log.info(
          "cluster failover: {} requests, {} needed more than one try, {} sent again after no"
              + " answer, {} redirected (3006), {} too busy (3004); shards owned again after {} ms"
              + " (kill, kill, stall); subscribers of a failed node answered again after"
              + " p50 {} ms, max {} ms ({} subscribers)",
          all.size(),
          retried,
          pcef.sentAgain.sum(),
          pcef.redirected.sum(),
          pcef.busy.sum(),
          takeoverMillis,
          answeredAgain.get(answeredAgain.size() / 2),
          answeredAgain.get(answeredAgain.size() - 1),
          answeredAgain.size());
      assertThat(takeoverMillis).allMatch(ms -> ms < 10_000);
      assertThat(answeredAgain.get(answeredAgain.size() - 1)).isLessThan(10_000);
    }
  }

  private Void runSessions(
      ClusterPcef pcef, String msisdn, AtomicBoolean stop, ConcurrentLinkedQueue<Sent> sent) {
    try (ClusterPcef.Subscriber subscriber = pcef.new Subscriber(msisdn)) {
      return runSessions(subscriber, msisdn, stop, sent);
    }
  }

  private Void runSessions(
      ClusterPcef.Subscriber subscriber,
      String msisdn,
      AtomicBoolean stop,
      ConcurrentLinkedQueue<Sent> sent) {
    int session = 0;
    while (!stop.get()) {
      String sessionId = "pgw.pcef.simbundle.local;" + msisdn + ";" + session++;
      for (int number = 0; number < REQUESTS_PER_SESSION; number++) {
        int type = number == 0 ? 1 : number == REQUESTS_PER_SESSION - 1 ? 3 : 2;
        long used = number == 0 ? 0 : USED;
        ClusterPcef.Outcome outcome =
            subscriber.send(sessionId, type, number, used, REQUEST_DEADLINE);
        sent.add(new Sent(msisdn, outcome.resultCode() == 2001 ? used : 0, outcome));
        if (outcome.resultCode() != 2001) {
          return null;
        }
      }
    }
    return null;
  }

  private void start(String nodeId, ClusterPcef pcef) throws Exception {
    int port = FreePort.next();
    processes.put(nodeId, ChargingProcess.startNode(settings, port, nodeId, LEASE, RENEW));
    pcef.node(nodeId, port);
  }

  private List<Integer> shardsOf(String node) {
    return leases.all().stream()
        .filter(l -> l.owner().equals(node))
        .map(LeaseTable.Lease::shard)
        .toList();
  }

  /**
   * For each failure and each subscriber whose shard the failed node held: how long after the
   * failure the subscriber's next request was answered, sorted.
   */
  private List<Long> answeredAgainMillis(List<Sent> all) {
    List<Long> delays = new ArrayList<>();
    for (Failure failure : failures) {
      for (int i = 0; i < SUBSCRIBERS; i++) {
        String msisdn = msisdn(i);
        if (!failure.shards().contains(Shards.of(msisdn))) {
          continue;
        }
        all.stream()
            .filter(s -> s.msisdn().equals(msisdn))
            .mapToLong(s -> s.outcome().answeredAtNanos())
            .filter(at -> at > failure.atNanos())
            .min()
            .ifPresent(at -> delays.add((at - failure.atNanos()) / 1_000_000));
      }
    }
    delays.sort(Long::compare);
    assertThat(delays).as("subscribers on failed nodes").isNotEmpty();
    return delays;
  }

  private Map<String, Integer> owners() {
    Map<String, Integer> owners = new HashMap<>();
    leases.all().forEach(l -> owners.merge(l.owner(), 1, Integer::sum));
    return owners;
  }

  /** Shards with a journal row of a lower epoch after one of a higher epoch. */
  private static List<Integer> interleavedEpochs(Database database) throws Exception {
    List<Integer> interleaved = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT shard, epoch FROM charging_journal WHERE shard IS NOT NULL"
                    + " ORDER BY shard, id");
        ResultSet rows = select.executeQuery()) {
      int shard = -1;
      long highest = -1;
      while (rows.next()) {
        if (rows.getInt(1) != shard) {
          shard = rows.getInt(1);
          highest = -1;
        }
        long epoch = rows.getLong(2);
        if (epoch < highest && !interleaved.contains(shard)) {
          interleaved.add(shard);
        }
        highest = Math.max(highest, epoch);
      }
    }
    return interleaved;
  }

  private static ChargingFunction node(Database database, String nodeId) {
    return ChargingProcess.inProcessNode(database, nodeId, LEASE, RENEW);
  }

  private static void signal(String signal, long pid) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    assertThat(kill.waitFor()).isZero();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      Thread.sleep(100);
    }
  }

  private static String msisdn(int i) {
    return "86188" + String.format("%08d", i);
  }
}
