package io.simbundle.charging.gy;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.wire.WireMessage;
import io.simbundle.charging.wire.WirePeer;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Gy server's Diameter plumbing over real TCP, with a jDiameter PCEF as the peer. */
@EngineTest
class GyServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration TX = Duration.ofSeconds(3);
  private static final int FRESH_CONNECTIONS = 300;
  private static final int FRESH_CONNECTIONS_AT_ONCE = 12;
  private static final AtomicInteger requests = new AtomicInteger();
  private static DiameterIdentity ocs;
  private static GyServer server;

  /** Answers every CCR with success, as the charging logic will, to exercise the plumbing. */
  @BeforeAll
  static void startServer() {
    ocs =
        new DiameterIdentity(
            "ocs.simbundle.local", "simbundle.local", "127.0.0.1", FreePort.next());
    server =
        GyServer.start(
            ocs,
            request -> {
              requests.incrementAndGet();
              return CompletableFuture.completedFuture(BareAnswers.success(request, ocs));
            });
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static PcefSimulator pcef(String host) {
    return PcefSimulator.connect(
        new DiameterIdentity(host, "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
        ocs,
        TIMEOUT);
  }

  @Test
  void pcefExchangesCapabilitiesAndGetsAnAnswerToItsInitialRequest() throws Exception {
    try (PcefSimulator pcef = pcef("pgw-1.pcef.simbundle.local")) {
      Session session = pcef.newSession();

      Answer answer =
          pcef.send(session, pcef.creditControlRequest(session, GyAvp.INITIAL_REQUEST, 0), TIMEOUT);

      assertThat(answer.getResultCode().getUnsigned32()).isEqualTo(2001);
      assertThat(answer.getSessionId()).isEqualTo(session.getSessionId());
      assertThat(answer.getAvps().getAvp(GyAvp.ORIGIN_HOST).getDiameterIdentity())
          .isEqualTo("ocs.simbundle.local");
      assertThat(answer.getAvps().getAvp(GyAvp.CC_REQUEST_TYPE).getInteger32())
          .isEqualTo(GyAvp.INITIAL_REQUEST);
    }
  }

  /**
   * A PCEF may send its first request the moment it reads the CEA. jDiameter's own state machines
   * sometimes dropped it unanswered (about one new connection in fifty, see PeerStateMachines).
   * Connections are opened a dozen at a time, as jDiameter waits 250 ms before reading a new one.
   */
  @Test
  void theFirstRequestSentTheMomentTheCapabilitiesAreExchangedIsAnswered() throws Exception {
    ExecutorService pcefs = Executors.newFixedThreadPool(FRESH_CONNECTIONS_AT_ONCE);
    try {
      List<Future<Boolean>> answered = new ArrayList<>();
      for (int connection = 1; connection <= FRESH_CONNECTIONS; connection++) {
        String host = "pgw-fresh-" + connection + ".pcef.simbundle.local";
        answered.add(pcefs.submit(() -> firstRequestAnswered(host)));
      }
      int before = requests.get();
      List<Integer> unanswered = new ArrayList<>();
      for (int i = 0; i < answered.size(); i++) {
        if (!answered.get(i).get()) {
          unanswered.add(i + 1);
        }
      }
      assertThat(unanswered)
          .as(
              "connections whose first request went unanswered; handled "
                  + (requests.get() - before))
          .isEmpty();
    } finally {
      pcefs.shutdownNow();
    }
  }

  private static boolean firstRequestAnswered(String host) throws IOException {
    try (WirePeer peer = WirePeer.connect(ocs.port(), host, "pcef.simbundle.local", TX)) {
      assertThat(peer.exchangeCapabilities().first(GyAvp.RESULT_CODE).orElseThrow().unsigned32())
          .isEqualTo(2001);
      WireMessage answer =
          peer.ask(
              GyAvp.CREDIT_CONTROL_COMMAND,
              GyAvp.CREDIT_CONTROL_APPLICATION,
              peer.creditControlRequest(peer.newSessionId(), 4, 0, "8613800000001", 0, -1));
      assertThat(answer.first(GyAvp.RESULT_CODE).orElseThrow().unsigned32()).isEqualTo(2001);
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  /**
   * A session redirected to a node the PCEF cannot reach (a node that has just died, named by the
   * node taking its place until the lease lapses) goes back to its usual route once the redirect's
   * Redirect-Max-Cache-Time is over; jDiameter's client kept it for good.
   */
  @Test
  void aRedirectToANodeThatCannotBeReachedLastsOnlyItsCacheTime() throws Exception {
    DiameterIdentity node =
        new DiameterIdentity(
            "ocs-redirecting.simbundle.local", "simbundle.local", "127.0.0.1", FreePort.next());
    AtomicInteger asked = new AtomicInteger();
    try (GyServer redirecting =
            GyServer.start(
                node,
                request ->
                    CompletableFuture.completedFuture(
                        asked.incrementAndGet() == 1
                            ? CreditControlAnswers.elsewhere(
                                request,
                                node,
                                Optional.of("aaa://ocs-dead.simbundle.local:3868"),
                                1)
                            : BareAnswers.success(request, node)));
        PcefSimulator pcef =
            PcefSimulator.connect(
                new DiameterIdentity(
                    "pgw-redirected.pcef.simbundle.local",
                    "pcef.simbundle.local",
                    "127.0.0.1",
                    FreePort.next()),
                node,
                TIMEOUT)) {
      Session session = pcef.newSession();

      long redirected =
          pcef.send(session, pcef.creditControlRequest(session, GyAvp.INITIAL_REQUEST, 0), TX)
              .getResultCode()
              .getUnsigned32();
      Thread.sleep(1_500);
      long later =
          pcef.send(session, pcef.creditControlRequest(session, GyAvp.UPDATE_REQUEST, 1), TX)
              .getResultCode()
              .getUnsigned32();

      assertThat(redirected).as("the dead node cannot be reached").isEqualTo(3002);
      assertThat(later).isEqualTo(2001);
      assertThat(asked).hasValue(2);
      assertThat(redirecting.peers()).extracting(GyPeer::host).contains(pcef.identity().host());
    }
  }

  @Test
  void samePcefIdentityReconnectsTwentyTimes() {
    for (int attempt = 1; attempt <= 20; attempt++) {
      try (PcefSimulator pcef = pcef("pgw-2.pcef.simbundle.local")) {
        Session session = pcef.newSession();
        int requestNumber = attempt;
        // As a PCEF does: a request its Tx timer finds unanswered goes again with the T flag.
        Answer answer =
            pcef.sendRetransmitting(
                session,
                () -> pcef.creditControlRequest(session, GyAvp.EVENT_REQUEST, requestNumber),
                TX,
                3);
        assertThat(answer.getResultCode().getUnsigned32())
            .as("attempt %d", attempt)
            .isEqualTo(2001);
      } catch (Exception e) {
        throw new AssertionError("reconnection " + attempt + " failed", e);
      }
    }
  }
}
