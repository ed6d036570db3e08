package io.simbundle.charging.cluster;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.gy.GyRequestListener;
import io.simbundle.charging.nchf.ChfServer;
import io.simbundle.charging.nchf.ChfSettings;
import io.simbundle.charging.nchf.NchfClient;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.store.ChargingStore;
import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.Shards;
import io.simbundle.charging.wire.DiameterGrammars;
import io.simbundle.charging.wire.WireMessage;
import io.simbundle.charging.wire.WirePeer;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.Test;

/**
 * Shards owned by one node at a time, on the real database and over real Diameter: the database's
 * own refusal of stale epochs, nodes sharing the shards, redirects to the owner, and a node's
 * shards taken by another with what it committed.
 */
@EngineTest
class ShardLeasesTest {

  private static final Duration LEASE = Duration.ofSeconds(2);
  private static final Duration RENEW = Duration.ofMillis(400);
  private static final Duration WAIT = Duration.ofSeconds(20);

  @Test
  void theDatabaseRefusesAJournalRowWrittenUnderAnEpochNoLongerCurrent() throws Exception {
    try (Database database = TestDatabase.newSchema("fence")) {
      database.migrate(ChargingStore.SCHEMA);
      LeaseTable leases = new LeaseTable(database.dataSource());
      LeaseTable.Taken first = leases.takeFree("node-a", 1, Duration.ofMillis(1)).get(0);
      assertThat(first.takenFrom()).isNull();
      append(database, first.shard(), first.epoch(), "node-a");

      Thread.sleep(5); // node-a's lease lapses; node-b takes the shard over
      LeaseTable.Taken second = leases.takeFree("node-b", 1, LEASE).get(0);
      assertThat(second.shard()).isEqualTo(first.shard());
      assertThat(second.epoch()).isEqualTo(first.epoch() + 1);
      assertThat(second.takenFrom()).isEqualTo("node-a");

      assertThatThrownBy(() -> append(database, first.shard(), first.epoch(), "node-a"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("stale shard epoch");
      assertThatThrownBy(() -> append(database, first.shard(), second.epoch(), "node-a"))
          .hasMessageContaining("stale shard epoch");
      append(database, second.shard(), second.epoch(), "node-b");
    }
  }

  @Test
  void aJoiningNodeTakesHalfTheShardsAndRequestsForThemAreRedirectedToIt() throws Exception {
    try (Database database = TestDatabase.newSchema("shard_join");
        ChargingFunction a = node(database, "node-a")) {
      assertThat(a.cluster().shards()).hasSize(Shards.COUNT);
      try (ChargingFunction b = node(database, "node-b")) {
        await(
            () ->
                a.cluster().shards().size() == Shards.COUNT / 2
                    && b.cluster().shards().size() == Shards.COUNT / 2
                    && a.cluster().peers().stream()
                        .anyMatch(p -> p.nodeId().equals("node-b") && p.shards() > 0),
            "the two nodes share the shards, and node-a knows it");
        String onB = subscriberOf(b);
        b.install(ChargingFixture.plainProfile(onB, 100 * MB));
        try (WirePeer toA =
                WirePeer.connect(
                    a.identity().port(),
                    "pgw-a.pcef.simbundle.local",
                    "pcef.simbundle.local",
                    ChargingFixture.TIMEOUT);
            PcefSimulator toB = pcef("pgw-b", b)) {
          toA.exchangeCapabilities();
          String sessionId = toA.newSessionId();
          WireMessage redirected =
              toA.ask(
                  GyAvp.CREDIT_CONTROL_COMMAND,
                  GyAvp.CREDIT_CONTROL_APPLICATION,
                  toA.creditControlRequest(sessionId, 1, 0, onB, MB, -1));
          assertThat(redirected.isError()).isTrue();
          assertThat(DiameterGrammars.errorAnswer().violations(redirected.avps())).isEmpty();
          assertThat(redirected.first(GyAvp.RESULT_CODE).orElseThrow().unsigned32())
              .isEqualTo(3006);
          assertThat(redirected.first(GyAvp.REDIRECT_HOST).orElseThrow().utf8())
              .isEqualTo(b.identity().uri());
          assertThat(redirected.first(GyAvp.REDIRECT_HOST_USAGE).orElseThrow().unsigned32())
              .isEqualTo(GyAvp.ALL_SESSION);
          assertThat(a.balance(onB).orElseThrow().reservedBytes()).isZero();

          AnswerView decided =
              ChargingFixture.send(toB, toB.session(sessionId), 1, 0, onB, new Mscc(10, MB, -1));
          assertThat(decided.resultCode()).isEqualTo(2001);
          assertThat(decided.mscc(10).grantedBytes()).isEqualTo(MB);
          // Read on the node that does not own it: the state its owner committed.
          assertThat(a.balance(onB).orElseThrow().reservedBytes()).isEqualTo(MB);
        }
      }
    }
  }

  @Test
  void anSmfIsRedirectedToTheChfOfTheNodeHoldingItsSubscriber() throws Exception {
    try (Database database = TestDatabase.newSchema("shard_chf");
        ChargingFunction a = node(database, "node-a");
        ChargingFunction b = node(database, "node-b")) {
      ChfServer chfA = a.serveNchf(ChfSettings.cleartext("127.0.0.1", 0));
      ChfServer chfB = b.serveNchf(ChfSettings.cleartext("127.0.0.1", 0));
      await(
          () ->
              a.cluster().shards().size() == Shards.COUNT / 2
                  && b.cluster().shards().size() == Shards.COUNT / 2,
          "the two nodes share the shards");
      String onB = subscriberOf(b);
      b.install(ChargingFixture.plainProfile(onB, 100 * MB));
      try (NchfClient smfToA = new NchfClient(chfA.port());
          NchfClient smfToB = new NchfClient(chfB.port())) {
        ObjectNode create = NchfClient.unit(NchfClient.request(onB, 42, 1), 10, MB, 0);

        NchfClient.Reply redirected = smfToA.create(create);
        NchfClient.Reply created = smfToB.create(create);
        NchfClient.Reply updateRedirected =
            smfToA.update(
                created.reference(), NchfClient.unit(NchfClient.request(onB, 42, 2), 10, MB, MB));

        assertThat(redirected.status()).as(redirected.body()).isEqualTo(307);
        assertThat(redirected.location())
            .hasValue("http://127.0.0.1:" + chfB.port() + ChfServer.API);
        assertThat(created.status()).isEqualTo(201);
        assertThat(updateRedirected.status()).isEqualTo(307);
        assertThat(updateRedirected.location())
            .hasValue(
                "http://127.0.0.1:"
                    + chfB.port()
                    + ChfServer.API
                    + "/"
                    + created.reference()
                    + "/update");
        assertThat(b.balance(onB).orElseThrow().reservedBytes())
            .as("granted once, by the node holding the subscriber; node-a decided nothing")
            .isEqualTo(MB);
        assertThat(b.balance(onB).orElseThrow().allowanceUsedBytes()).isZero();
      }
    }
  }

  @Test
  void aNodeThatLeavesHandsItsShardsOverWithWhatItCommitted() throws Exception {
    try (Database database = TestDatabase.newSchema("shard_handover")) {
      ChargingFunction a = node(database, "node-a");
      String msisdn = "8618700000042";
      a.install(ChargingFixture.plainProfile(msisdn, 100 * MB));
      Session session;
      AnswerView update;
      try (PcefSimulator toA = pcef("pgw-a", a)) {
        session = toA.newSession();
        ChargingFixture.send(toA, session, 1, 0, msisdn, new Mscc(10, MB, -1));
        update = ChargingFixture.send(toA, session, 2, 1, msisdn, new Mscc(10, MB, 300_000));
        assertThat(update.resultCode()).isEqualTo(2001);
      }
      try (ChargingFunction b = node(database, "node-b")) {
        a.close();
        await(() -> b.cluster().shards().size() == Shards.COUNT, "node-b takes every shard");
        try (PcefSimulator toB = pcef("pgw-b", b)) {
          Session moved = toB.session(session.getSessionId());
          org.jdiameter.api.Request again =
              toB.creditControlRequest(
                  moved, GyAvp.UPDATE_REQUEST, 1, msisdn, List.of(new Mscc(10, MB, 300_000)));
          again.setReTransmitted(true);
          AnswerView retransmitted =
              new AnswerView(toB.send(moved, again, ChargingFixture.TIMEOUT));
          assertThat(retransmitted.resultCode()).isEqualTo(2001);
          assertThat(retransmitted.mscc(10).grantedBytes())
              .isEqualTo(update.mscc(10).grantedBytes());
          assertThat(b.retransmissionsAnswered()).isEqualTo(1);
          assertThat(b.balance(msisdn).orElseThrow().allowanceUsedBytes()).isEqualTo(300_000);
        }
      }
    }
  }

  @Test
  void aRequestArrivingWhileItsShardIsBeingTakenWaitsForTheTakeInsteadOfBeingSentAway()
      throws Exception {
    try (Database database = TestDatabase.newSchema("shard_taking");
        ChargingFunction a = node(database, "node-a")) {
      // A joining node is given the upper half of the shards.
      String msisdn = subscriberInShards(Shards.COUNT / 2, Shards.COUNT);
      a.install(ChargingFixture.plainProfile(msisdn, 100 * MB));
      try (PcefSimulator toA = pcef("pgw-a", a)) {
        Session session = toA.newSession();
        ChargingFixture.send(toA, session, 1, 0, msisdn, new Mscc(10, MB, -1));
        ChargingFixture.send(toA, session, 3, 1, msisdn, new Mscc(10, -1, 300_000));
      }
      await(() -> unapplied(database) == 0, "node-a checkpoints what it committed");
      try (ChargingFunction b = node(database, "node-b");
          Connection journal = database.dataSource().getConnection();
          Statement lock = journal.createStatement()) {
        // Whatever node-b takes now, it cannot fold it in until the journal is unlocked.
        lock.execute("LOCK TABLES charging_journal WRITE");
        try {
          assertThat(b.decidesFor(msisdn)).as("node-b took the shard before the lock").isFalse();
          LeaseTable leases = new LeaseTable(database.dataSource());
          await(
              () ->
                  leases
                      .ownerOf(Shards.of(msisdn), LEASE)
                      .filter(owner -> owner.nodeId().equals("node-b"))
                      .isPresent(),
              "node-b takes the shard in the database");
          try (PcefSimulator toB = pcef("pgw-b", b)) {
            CompletableFuture<AnswerView> answer =
                CompletableFuture.supplyAsync(
                    () ->
                        ChargingFixture.send(
                            toB, toB.newSession(), 1, 0, msisdn, new Mscc(10, MB, -1)));
            await(() -> b.requestsThatWaitedForATake() == 1, "the request waits for the take");
            assertThat(answer).isNotDone();

            lock.execute("UNLOCK TABLES");

            AnswerView decided = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(decided.resultCode()).isEqualTo(2001);
            assertThat(decided.mscc(10).grantedBytes()).isEqualTo(MB);
            assertThat(b.sentElsewhere()).isZero();
            assertThat(b.balance(msisdn).orElseThrow().allowanceUsedBytes()).isEqualTo(300_000);
          }
        } finally {
          lock.execute("UNLOCK TABLES");
        }
      }
    }
  }

  private static long unapplied(Database database) {
    try (Connection connection = database.dataSource().getConnection();
        Statement count = connection.createStatement();
        ResultSet rows =
            count.executeQuery("SELECT COUNT(*) FROM charging_journal WHERE NOT applied")) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A subscriber whose shard is in [from, to). */
  private static String subscriberInShards(int from, int to) {
    for (int i = 0; ; i++) {
      String msisdn = "86187" + String.format("%08d", i);
      int shard = Shards.of(msisdn);
      if (shard >= from && shard < to) {
        return msisdn;
      }
    }
  }

  private static void append(Database database, int shard, long epoch, String node)
      throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO charging_journal (created_at, shard, epoch, node_id, entries)"
                    + " VALUES (?, ?, ?, ?, '{}')")) {
      insert.setTimestamp(1, Timestamp.from(Instant.now()));
      insert.setInt(2, shard);
      insert.setLong(3, epoch);
      insert.setString(4, node);
      insert.executeUpdate();
    }
  }

  static ChargingFunction node(Database database, String nodeId) {
    return ChargingFunction.start(
        database,
        new DiameterIdentity(
            "ocs-" + nodeId + ".simbundle.local", "simbundle.local", "127.0.0.1", FreePort.next()),
        new ChargingSettings(
            new io.simbundle.charging.account.GrantPolicy(10 * MB, Duration.ofMinutes(30)),
            ChargingFixture.CATALOG_RATING_GROUPS,
            ChargingSettings.UnknownRatingGroups.DENY,
            java.util.Optional.empty(),
            ChargingSettings.DEFAULT_DUPLICATE_WINDOW),
        Clock.systemUTC(),
        GyRequestListener.NONE,
        new ClusterSettings(nodeId, LEASE, RENEW));
  }

  private static PcefSimulator pcef(String host, ChargingFunction server) {
    return PcefSimulator.connect(
        new DiameterIdentity(
            host + ".pcef.simbundle.local", "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
        server.identity(),
        ChargingFixture.TIMEOUT);
  }

  /** A subscriber whose shard the node decides for. */
  private static String subscriberOf(ChargingFunction node) {
    for (int i = 0; ; i++) {
      String msisdn = "86186" + String.format("%08d", i);
      if (node.decidesFor(msisdn)) {
        return msisdn;
      }
    }
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
}
