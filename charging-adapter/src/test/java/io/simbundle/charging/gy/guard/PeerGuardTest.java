package io.simbundle.charging.gy.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.simbundle.charging.gy.BareAnswers;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.gy.GyServer;
import io.simbundle.charging.wire.WireMessage;
import io.simbundle.charging.wire.WirePeer;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Diameter port under peers that misbehave: oversized or foreign messages, no capabilities
 * exchange, too many connections at once. Each gets a clear answer or a closed connection, and the
 * peers that behave are served all along. Over real TCP, with the jDiameter stack behind.
 */
@EngineTest
class PeerGuardTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  /** Another loopback address than the stack's 127.0.0.1, to tell the two apart in the CEA. */
  private static final String PUBLIC_ADDRESS = "127.0.0.2";

  private static final PeerLimits LIMITS =
      new PeerLimits(PeerLimits.MIN_MESSAGE_BYTES, 16, 3, Duration.ofMillis(800));
  private static DiameterIdentity ocs;
  private static GyServer server;

  @BeforeAll
  static void startServer() {
    ocs =
        new DiameterIdentity(
            "ocs.simbundle.local", "simbundle.local", PUBLIC_ADDRESS, FreePort.next());
    server =
        GyServer.start(
            ocs,
            request -> CompletableFuture.completedFuture(BareAnswers.success(request, ocs)),
            LIMITS);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  private static WirePeer peer(String name) throws IOException {
    return WirePeer.connect(
        new InetSocketAddress(PUBLIC_ADDRESS, ocs.port()),
        name + ".pcef.simbundle.local",
        "pcef.simbundle.local",
        TIMEOUT);
  }

  private static WireMessage ask(WirePeer peer, int number) throws IOException {
    return peer.ask(
        GyAvp.CREDIT_CONTROL_COMMAND,
        GyAvp.CREDIT_CONTROL_APPLICATION,
        peer.creditControlRequest(peer.newSessionId(), 4, number, "8613800000001", 0, -1));
  }

  /** A message header as a peer writes it: any version and length, R bit set. */
  private static byte[] header(int version, int length, int command, int hopByHop) {
    return ByteBuffer.allocate(20)
        .putInt(version << 24 | length)
        .putInt(WireMessage.REQUEST << 24 | command)
        .putInt(0)
        .putInt(hopByHop)
        .putInt(hopByHop + 1)
        .array();
  }

  /** Whether the server closed the connection: end of stream, or a reset for unread data. */
  private static boolean closedByServer(WirePeer peer) {
    try {
      peer.read();
      return false;
    } catch (SocketException e) {
      return true;
    } catch (IOException e) {
      // EOFException: the stream ended; a timeout would be a SocketTimeoutException, also an
      // IOException, so tell them apart.
      return !(e instanceof java.net.SocketTimeoutException);
    }
  }

  @Test
  void aMessageLongerThanTheLimitIsAnsweredInvalidLengthAndItsConnectionClosed() throws Exception {
    long before = server.connections().badMessages();
    try (WirePeer peer = peer("pgw-oversized")) {
      // A CER that announces 16 MB, as a peer that would make the server buffer it all.
      peer.sendRaw(header(1, 16 * 1024 * 1024 - 4, 257, 7001));
      peer.sendRaw(new byte[64 * 1024]);

      WireMessage answer = peer.read();

      assertThat(answer.isRequest()).isFalse();
      assertThat(answer.command()).isEqualTo(257);
      assertThat(answer.hopByHop()).isEqualTo(7001);
      assertThat(answer.first(GyAvp.RESULT_CODE).orElseThrow().unsigned32()).isEqualTo(5015);
      assertThat(answer.first(GyAvp.ORIGIN_HOST).orElseThrow().utf8()).isEqualTo(ocs.host());
      assertThat(closedByServer(peer)).isTrue();
    }
    await().atMost(TIMEOUT).until(() -> server.connections().badMessages() == before + 1);
  }

  @Test
  void aMessageOfAnotherVersionIsAnsweredUnsupportedVersion() throws Exception {
    long before = server.connections().badMessages();
    try (WirePeer peer = peer("pgw-version-2")) {
      peer.sendRaw(header(2, 20, 257, 7101));

      WireMessage answer = peer.read();

      assertThat(answer.hopByHop()).isEqualTo(7101);
      assertThat(answer.first(GyAvp.RESULT_CODE).orElseThrow().unsigned32()).isEqualTo(5011);
      assertThat(closedByServer(peer)).isTrue();
    }
    // Counted once the peer has closed: settled here, so that no other test sees it late.
    await().atMost(TIMEOUT).until(() -> server.connections().badMessages() == before + 1);
  }

  @Test
  void aLengthThatIsNotWholeWordsIsAnsweredInvalidLength() throws Exception {
    long before = server.connections().badMessages();
    try (WirePeer peer = peer("pgw-odd-length")) {
      peer.sendRaw(header(1, 23, 257, 7201));

      assertThat(peer.read().first(GyAvp.RESULT_CODE).orElseThrow().unsigned32()).isEqualTo(5015);
      assertThat(closedByServer(peer)).isTrue();
    }
    // Counted once the peer has closed: settled here, so that no other test sees it late.
    await().atMost(TIMEOUT).until(() -> server.connections().badMessages() == before + 1);
  }

  @Test
  void aPeerWhoseFirstMessageIsNotACapabilitiesExchangeIsClosedUnanswered() throws Exception {
    long before = server.connections().notCapabilitiesExchange();
    try (WirePeer peer = peer("pgw-no-cer")) {
      peer.send(
          new WireMessage(
              WireMessage.REQUEST | WireMessage.PROXIABLE,
              GyAvp.CREDIT_CONTROL_COMMAND,
              GyAvp.CREDIT_CONTROL_APPLICATION,
              1,
              1,
              peer.creditControlRequest(peer.newSessionId(), 4, 0, "8613800000001", 0, -1)));

      assertThat(closedByServer(peer)).isTrue();
    }
    await()
        .atMost(TIMEOUT)
        .until(() -> server.connections().notCapabilitiesExchange() == before + 1);
  }

  @Test
  void aPeerThatSendsNoCapabilitiesExchangeInTimeIsClosed() throws Exception {
    long before = server.connections().timedOut();
    try (WirePeer silent = peer("pgw-silent");
        WirePeer halfway = peer("pgw-halfway")) {
      // Half a CER of a valid length, and then nothing.
      halfway.sendRaw(header(1, 400, 257, 7301));
      long started = System.nanoTime();

      assertThat(closedByServer(silent)).isTrue();
      assertThat(closedByServer(halfway)).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started))
          .isLessThan(LIMITS.capabilitiesTimeout().plus(TIMEOUT).dividedBy(2));
    }
    await().atMost(TIMEOUT).until(() -> server.connections().timedOut() == before + 2);
  }

  @Test
  void connectionsOverTheUnopenedLimitAreClosedAtOnceWhileOpenPeersAreServed() throws Exception {
    try (WirePeer open = peer("pgw-open")) {
      open.exchangeCapabilities();
      long refusedBefore = server.connections().refused();
      List<Socket> unopened = new ArrayList<>();
      try {
        for (int i = 0; i < LIMITS.maxUnopened(); i++) {
          unopened.add(rawConnection());
        }
        await()
            .atMost(TIMEOUT)
            .until(() -> server.connections().unopened() == LIMITS.maxUnopened());
        try (WirePeer oneTooMany = peer("pgw-one-too-many")) {
          assertThat(closedByServer(oneTooMany)).isTrue();
        }

        assertThat(ask(open, 1).first(GyAvp.RESULT_CODE).orElseThrow().unsigned32())
            .isEqualTo(2001);
        assertThat(server.connections().refused()).isEqualTo(refusedBefore + 1);
      } finally {
        for (Socket socket : unopened) {
          socket.close();
        }
      }
      // Once the slots are free again, a new peer is taken.
      await().atMost(TIMEOUT).until(() -> server.connections().unopened() == 0);
      try (WirePeer late = peer("pgw-late")) {
        assertThat(late.exchangeCapabilities().first(GyAvp.RESULT_CODE).orElseThrow().unsigned32())
            .isEqualTo(2001);
      }
    }
  }

  @Test
  void messagesInPiecesOrSeveralInOneWriteAreEachAnswered() throws Exception {
    try (WirePeer peer = peer("pgw-pieces")) {
      byte[] cer =
          new WireMessage(
                  WireMessage.REQUEST,
                  WirePeer.CAPABILITIES_EXCHANGE,
                  0,
                  11,
                  11,
                  List.of(
                      WireMessage.Avp.utf8(GyAvp.ORIGIN_HOST, peer.host()),
                      WireMessage.Avp.utf8(GyAvp.ORIGIN_REALM, peer.realm()),
                      WireMessage.Avp.address(257, new byte[] {127, 0, 0, 1}),
                      WireMessage.Avp.unsigned32(266, 0),
                      WireMessage.Avp.utf8(269, "simbundle-guard-test"),
                      WireMessage.Avp.unsigned32(
                          GyAvp.AUTH_APPLICATION_ID, GyAvp.CREDIT_CONTROL_APPLICATION)))
              .bytes();
      for (byte b : cer) {
        peer.sendRaw(new byte[] {b});
      }
      WireMessage cea = peer.read();
      assertThat(cea.first(GyAvp.RESULT_CODE).orElseThrow().unsigned32()).isEqualTo(2001);
      // The CEA names the address the peer connected to, not the stack's loopback one.
      assertThat(cea.first(257).orElseThrow().data()).containsExactly(0, 1, 127, 0, 0, 2);

      byte[] first = request(peer, 21);
      byte[] second = request(peer, 22);
      byte[] both = Arrays.copyOf(first, first.length + second.length);
      System.arraycopy(second, 0, both, first.length, second.length);
      peer.sendRaw(Arrays.copyOfRange(both, 0, 7));
      peer.sendRaw(Arrays.copyOfRange(both, 7, first.length + 5));
      peer.sendRaw(Arrays.copyOfRange(both, first.length + 5, both.length));

      assertThat(List.of(peer.read().hopByHop(), peer.read().hopByHop()))
          .containsExactlyInAnyOrder(21, 22);
    }
  }

  private static byte[] request(WirePeer peer, int id) {
    return new WireMessage(
            WireMessage.REQUEST | WireMessage.PROXIABLE,
            GyAvp.CREDIT_CONTROL_COMMAND,
            GyAvp.CREDIT_CONTROL_APPLICATION,
            id,
            id,
            peer.creditControlRequest(peer.newSessionId(), 4, id, "8613800000001", 0, -1))
        .bytes();
  }

  private static Socket rawConnection() throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(PUBLIC_ADDRESS, ocs.port()), (int) TIMEOUT.toMillis());
    return socket;
  }
}
