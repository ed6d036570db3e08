package io.simbundle.charging.gy;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdiameter.api.Answer;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Gy server's Diameter plumbing over real TCP, with a jDiameter PCEF as the peer. */
@EngineTest
class GyServerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration TX = Duration.ofSeconds(3);
  private static final AtomicInteger requests = new AtomicInteger();
  private static DiameterIdentity ocs;
  private static GyServer server;

  /** Answers every CCR with success, as the charging logic will, to exercise the plumbing. */
  private static Answer success(Request request) {
    requests.incrementAndGet();
    Answer answer = request.createAnswer(2001);
    // jDiameter's createAnswer adds no Origin-Host/Origin-Realm of its own.
    answer.getAvps().addAvp(GyAvp.ORIGIN_HOST, ocs.host(), true, false, true);
    answer.getAvps().addAvp(GyAvp.ORIGIN_REALM, ocs.realm(), true, false, true);
    try {
      answer
          .getAvps()
          .addAvp(
              GyAvp.CC_REQUEST_TYPE,
              request.getAvps().getAvp(GyAvp.CC_REQUEST_TYPE).getInteger32(),
              true,
              false,
              true);
      answer
          .getAvps()
          .addAvp(
              GyAvp.CC_REQUEST_NUMBER,
              request.getAvps().getAvp(GyAvp.CC_REQUEST_NUMBER).getUnsigned32(),
              true,
              false,
              true);
    } catch (AvpDataException e) {
      throw new IllegalStateException(e);
    }
    return answer;
  }

  @BeforeAll
  static void startServer() {
    ocs =
        new DiameterIdentity(
            "ocs.simbundle.local", "simbundle.local", "127.0.0.1", FreePort.next());
    server = GyServer.start(ocs, request -> CompletableFuture.completedFuture(success(request)));
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
