package io.simbundle.charging.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.Shards;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.FaultTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A PCEF connected only to Debian's freeDiameter relay, in front of two charging nodes in JVMs of
 * their own: its sessions are answered whichever node holds the subscriber (the relay follows the
 * nodes' redirects), and a session survives the SIGKILL of the node holding it.
 */
@FaultTest
class FreeDiameterRelayTest {

  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final Duration RENEW = Duration.ofMillis(500);
  private static final Duration TX = Duration.ofSeconds(3);
  private static final long USED = 200 * 1024;

  @Test
  void aSessionThroughTheRelaySurvivesTheDeathOfTheNodeHoldingIt() throws Exception {
    Assumptions.assumeTrue(
        FreeDiameterRelay.installed(),
        "freeDiameter is not installed (Debian packages freediameterd and freediameter-extensions;"
            + " .ci/run installs them)");
    DatabaseSettings settings = TestDatabase.newSchemaSettings("gy_relay");
    Map<String, Process> nodes = new HashMap<>();
    try (Database database = Database.open(settings)) {
      List<String> subscribers = List.of("8618900000001", "8618900000002", "8618900000003");
      try (ChargingFunction setup = node(database, "setup")) {
        for (String msisdn : subscribers) {
          setup.install(ChargingFixture.plainProfile(msisdn, 1024L * 1024 * 1024));
        }
      }
      Map<String, DiameterIdentity> identities = new HashMap<>();
      for (String node : List.of("node-a", "node-b")) {
        int port = FreePort.next();
        identities.put(node, ChargingProcess.nodeIdentity(node, port));
        nodes.put(node, ChargingProcess.startNode(settings, port, node, LEASE, RENEW));
      }
      LeaseTable leases = new LeaseTable(database.dataSource());
      await(
          () ->
              leases.all().size() == Shards.COUNT
                  && leases.all().stream().map(LeaseTable.Lease::owner).distinct().count() == 2);

      try (FreeDiameterRelay relay = FreeDiameterRelay.start(List.copyOf(identities.values()))) {
        relay.awaitOpen(
            Set.of("ocs-node-a.simbundle.local", "ocs-node-b.simbundle.local"),
            Duration.ofSeconds(30));
        try (PcefSimulator pgw =
            PcefSimulator.connect(
                new DiameterIdentity(
                    "pgw-relay.pcef.simbundle.local",
                    "pcef.simbundle.local",
                    "127.0.0.1",
                    FreePort.next()),
                relay.identity(),
                Duration.ofSeconds(20))) {
          pgw.toRealmOnly();
          // Every subscriber is answered through the relay, whichever node decides for it.
          Map<String, Session> sessions = new HashMap<>();
          for (String msisdn : subscribers) {
            Session session = pgw.newSession();
            sessions.put(msisdn, session);
            assertThat(send(pgw, session, 1, 0, msisdn, -1).resultCode()).isEqualTo(2001);
            assertThat(send(pgw, session, 2, 1, msisdn, USED).resultCode()).isEqualTo(2001);
          }

          String msisdn = subscribers.get(0);
          String owner =
              leases.all().stream()
                  .filter(l -> l.shard() == Shards.of(msisdn))
                  .findFirst()
                  .orElseThrow()
                  .owner();
          nodes.get(owner).destroyForcibly().waitFor();
          long killedAt = System.nanoTime();

          Session session = sessions.get(msisdn);
          AnswerView afterDeath = send(pgw, session, 2, 2, msisdn, USED);
          long answeredAfterMillis = (System.nanoTime() - killedAt) / 1_000_000;
          assertThat(afterDeath.resultCode()).isEqualTo(2001);
          assertThat(send(pgw, session, 3, 3, msisdn, USED).resultCode()).isEqualTo(2001);
          System.out.printf(
              "relay: session of the killed node's subscriber answered again %d ms after the"
                  + " kill%n",
              answeredAfterMillis);
          assertThat(answeredAfterMillis).isLessThan(20_000);
        }
      } finally {
        nodes.values().forEach(Process::destroyForcibly);
      }
      try (ChargingFunction verifier = node(database, "verifier")) {
        assertThat(verifier.balance(subscribers.get(0)).orElseThrow().allowanceUsedBytes())
            .isEqualTo(3 * USED);
        assertThat(verifier.balance(subscribers.get(1)).orElseThrow().allowanceUsedBytes())
            .isEqualTo(USED);
      }
    }
  }

  /**
   * A request sent as a PCEF with a single agent does: sent again with the T flag when no answer
   * came within Tx, or when the agent answered that it could not deliver it (3002) or that no
   * server could take it now (3004), until a final answer comes.
   */
  private static AnswerView send(
      PcefSimulator pcef, Session session, int type, int number, String msisdn, long used)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
    boolean again = false;
    while (true) {
      Request request =
          pcef.creditControlRequest(
              session, type, number, msisdn, List.of(new Mscc(10, 1024 * 1024, used)));
      request.setReTransmitted(again);
      AnswerView answer;
      try {
        answer = new AnswerView(pcef.send(session, request, TX));
      } catch (IllegalStateException noAnswer) {
        answer = null;
      }
      long code = answer == null ? 0 : answer.resultCode();
      if (code != 0 && code != 3002 && code != 3004) {
        return answer;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no final answer to CCR #" + number + ", last " + code);
      }
      again = true;
      Thread.sleep(500);
    }
  }

  private static ChargingFunction node(Database database, String nodeId) {
    return ChargingProcess.inProcessNode(database, nodeId, LEASE, RENEW);
  }

  private static void await(java.util.function.BooleanSupplier condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the nodes did not share the shards");
      }
      Thread.sleep(100);
    }
  }
}
