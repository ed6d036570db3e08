package io.simbundle.charging.wire;

import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.wire.WireMessage.Avp;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A Diameter peer on a plain socket: sends messages built by hand and reads the raw answers. */
public final class WirePeer implements AutoCloseable {

  public static final int CAPABILITIES_EXCHANGE = 257;
  public static final int DEVICE_WATCHDOG = 280;
  public static final int DISCONNECT_PEER = 282;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final String host;
  private final String realm;
  private final AtomicInteger ids = new AtomicInteger(1000);

  private WirePeer(Socket socket, String host, String realm) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.host = host;
    this.realm = realm;
  }

  /** Connects to 127.0.0.1, without a capabilities exchange. */
  public static WirePeer connect(int port, String host, String realm, Duration timeout)
      throws IOException {
    return connect(new InetSocketAddress("127.0.0.1", port), host, realm, timeout);
  }

  /** Connects, without a capabilities exchange. */
  public static WirePeer connect(
      InetSocketAddress server, String host, String realm, Duration timeout) throws IOException {
    Socket socket = new Socket();
    socket.connect(server, (int) timeout.toMillis());
    socket.setSoTimeout((int) timeout.toMillis());
    return new WirePeer(socket, host, realm);
  }

  public String host() {
    return host;
  }

  public String realm() {
    return realm;
  }

  /** Sends a Capabilities-Exchange-Request for the credit-control application; returns the CEA. */
  public WireMessage exchangeCapabilities() throws IOException {
    return ask(
        CAPABILITIES_EXCHANGE,
        0,
        List.of(
            Avp.utf8(GyAvp.ORIGIN_HOST, host),
            Avp.utf8(GyAvp.ORIGIN_REALM, realm),
            Avp.address(257, new byte[] {127, 0, 0, 1}),
            Avp.unsigned32(266, 0),
            Avp.utf8(269, "simbundle-wire-test"),
            Avp.unsigned32(GyAvp.AUTH_APPLICATION_ID, GyAvp.CREDIT_CONTROL_APPLICATION)));
  }

  /** Sends a request and reads until its answer comes (answering nothing else). */
  public WireMessage ask(int command, long applicationId, List<Avp> avps) throws IOException {
    return ask(command, applicationId, avps, 0);
  }

  public WireMessage ask(int command, long applicationId, List<Avp> avps, int extraFlags)
      throws IOException {
    int id = ids.incrementAndGet();
    send(
        new WireMessage(
            WireMessage.REQUEST | WireMessage.PROXIABLE | extraFlags,
            command,
            applicationId,
            id,
            id,
            avps));
    while (true) {
      WireMessage message = read();
      if (message.isRequest() && message.command() == DEVICE_WATCHDOG) {
        answerWatchdog(message);
      } else if (!message.isRequest() && message.hopByHop() == id) {
        return message;
      }
    }
  }

  private void answerWatchdog(WireMessage request) throws IOException {
    send(
        new WireMessage(
            0,
            DEVICE_WATCHDOG,
            0,
            request.hopByHop(),
            request.endToEnd(),
            List.of(
                Avp.unsigned32(GyAvp.RESULT_CODE, 2001),
                Avp.utf8(GyAvp.ORIGIN_HOST, host),
                Avp.utf8(GyAvp.ORIGIN_REALM, realm))));
  }

  public void send(WireMessage message) throws IOException {
    out.write(message.bytes());
    out.flush();
  }

  /** Writes raw bytes, well-formed or not. */
  public void sendRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  public WireMessage read() throws IOException {
    int versionAndLength = in.readInt();
    int length = versionAndLength & 0xFFFFFF;
    byte[] bytes = new byte[length];
    ByteBuffer.wrap(bytes).putInt(versionAndLength);
    in.readFully(bytes, 4, length - 4);
    return WireMessage.parse(bytes);
  }

  /** The Session-Id of a new session of this peer. */
  public String newSessionId() {
    return host + ";" + System.nanoTime() + ";" + ids.incrementAndGet();
  }

  /** A CCR with the subscriber's MSISDN and one MSCC of rating group 10. */
  public List<Avp> creditControlRequest(
      String sessionId, int type, int number, String msisdn, long requestedBytes, long usedBytes) {
    List<Avp> mscc = new ArrayList<>();
    mscc.add(Avp.unsigned32(GyAvp.RATING_GROUP, 10));
    mscc.add(
        Avp.grouped(
            GyAvp.REQUESTED_SERVICE_UNIT, Avp.unsigned64(GyAvp.CC_TOTAL_OCTETS, requestedBytes)));
    if (usedBytes >= 0) {
      mscc.add(
          Avp.grouped(GyAvp.USED_SERVICE_UNIT, Avp.unsigned64(GyAvp.CC_TOTAL_OCTETS, usedBytes)));
    }
    return request(sessionId, "32251@3gpp.org", type, number, msisdn, mscc);
  }

  /** A voice call's request on Ro (TS 32.260): one MSCC asking time, reporting {@code used} s. */
  public List<Avp> voiceCall(String sessionId, int type, int number, String msisdn, long used) {
    List<Avp> mscc = new ArrayList<>();
    mscc.add(Avp.unsigned32(GyAvp.RATING_GROUP, 100));
    if (type != GyAvp.TERMINATION_REQUEST) {
      mscc.add(Avp.grouped(GyAvp.REQUESTED_SERVICE_UNIT));
    }
    if (used >= 0) {
      mscc.add(Avp.grouped(GyAvp.USED_SERVICE_UNIT, Avp.unsigned32(GyAvp.CC_TIME, used)));
    }
    return request(sessionId, GyAvp.VOICE_CONTEXT, type, number, msisdn, mscc);
  }

  /** An SMS charging event (TS 32.274): Requested-Action and one unit in an MSCC. */
  public List<Avp> smsEvent(String sessionId, int requestedAction, String msisdn) {
    List<Avp> avps =
        new ArrayList<>(
            request(
                sessionId,
                GyAvp.SMS_CONTEXT,
                GyAvp.EVENT_REQUEST,
                0,
                msisdn,
                List.of(
                    Avp.unsigned32(GyAvp.RATING_GROUP, 50),
                    Avp.grouped(
                        GyAvp.REQUESTED_SERVICE_UNIT,
                        Avp.unsigned64(GyAvp.CC_SERVICE_SPECIFIC_UNITS, 1)))));
    avps.add(avps.size() - 1, Avp.unsigned32(GyAvp.REQUESTED_ACTION, requestedAction));
    return avps;
  }

  /**
   * A CCR of a service (its Service-Context-Id) for a subscriber, with one MSCC of {@code mscc}.
   */
  private List<Avp> request(
      String sessionId, String context, int type, int number, String msisdn, List<Avp> mscc) {
    return List.of(
        Avp.utf8(GyAvp.SESSION_ID, sessionId),
        Avp.utf8(GyAvp.ORIGIN_HOST, host),
        Avp.utf8(GyAvp.ORIGIN_REALM, realm),
        Avp.utf8(GyAvp.DESTINATION_REALM, "simbundle.local"),
        Avp.unsigned32(GyAvp.AUTH_APPLICATION_ID, GyAvp.CREDIT_CONTROL_APPLICATION),
        Avp.utf8(GyAvp.SERVICE_CONTEXT_ID, context),
        Avp.unsigned32(GyAvp.CC_REQUEST_TYPE, type),
        Avp.unsigned32(GyAvp.CC_REQUEST_NUMBER, number),
        Avp.grouped(
            GyAvp.SUBSCRIPTION_ID,
            Avp.unsigned32(GyAvp.SUBSCRIPTION_ID_TYPE, GyAvp.END_USER_E164),
            Avp.utf8(GyAvp.SUBSCRIPTION_ID_DATA, msisdn)),
        Avp.grouped(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, mscc.toArray(Avp[]::new)));
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
