package io.simbundle.charging.gy.guard;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/** The few parts of Diameter's wire format (RFC 6733 3 and 4) the guard reads and writes. */
final class DiameterFrames {

  static final int HEADER_BYTES = 20;
  static final int CAPABILITIES_EXCHANGE = 257;
  static final long SUCCESS = 2001;
  static final long UNSUPPORTED_VERSION = 5011;
  static final long INVALID_MESSAGE_LENGTH = 5015;

  private static final int FLAG_REQUEST = 0x80;
  private static final int AVP_FLAG_VENDOR = 0x80;
  private static final int AVP_FLAG_MANDATORY = 0x40;
  private static final int HOST_IP_ADDRESS = 257;
  private static final int ORIGIN_HOST = 264;
  private static final int RESULT_CODE = 268;
  private static final int ORIGIN_REALM = 296;
  private static final int ADDRESS_FAMILY_IPV4 = 1;

  private DiameterFrames() {}

  /** The fixed header of a message; the hop-by-hop and end-to-end identifiers as written. */
  record Header(
      int version,
      int length,
      int flags,
      int command,
      int applicationId,
      int hopByHop,
      int endToEnd) {

    /** Reads the header at {@code at}; the buffer must hold {@link #HEADER_BYTES} from there. */
    static Header at(ByteBuffer buffer, int at) {
      int versionAndLength = buffer.getInt(at);
      int flagsAndCommand = buffer.getInt(at + 4);
      return new Header(
          versionAndLength >>> 24,
          versionAndLength & 0xFFFFFF,
          flagsAndCommand >>> 24,
          flagsAndCommand & 0xFFFFFF,
          buffer.getInt(at + 8),
          buffer.getInt(at + 12),
          buffer.getInt(at + 16));
    }

    boolean isRequest() {
      return (flags & FLAG_REQUEST) != 0;
    }

    boolean isCapabilitiesExchangeRequest() {
      return isRequest() && command == CAPABILITIES_EXCHANGE;
    }

    /**
     * The Result-Code a peer's message with this header gets when it cannot be taken: 5011 for a
     * version other than 1, 5015 for a length that is not a whole number of 32-bit words, shorter
     * than a header or longer than {@code maxBytes}.
     */
    OptionalLong framingError(int maxBytes) {
      if (version != 1) {
        return OptionalLong.of(UNSUPPORTED_VERSION);
      }
      if (length < HEADER_BYTES || length % 4 != 0 || length > maxBytes) {
        return OptionalLong.of(INVALID_MESSAGE_LENGTH);
      }
      return OptionalLong.empty();
    }
  }

  /**
   * The answer to a request that is refused before anything reads it: the request's command,
   * application and identifiers, this node's Origin-Host and Origin-Realm, and the Result-Code.
   */
  static ByteBuffer errorAnswer(Header request, long resultCode, String host, String realm) {
    byte[] hostBytes = host.getBytes(StandardCharsets.UTF_8);
    byte[] realmBytes = realm.getBytes(StandardCharsets.UTF_8);
    int length =
        HEADER_BYTES + avpSpace(hostBytes.length) + avpSpace(realmBytes.length) + avpSpace(4);
    ByteBuffer answer = ByteBuffer.allocate(length);
    answer.putInt((1 << 24) | length);
    // An answer (no R bit); 5xxx are permanent failures, not protocol errors, so no E bit either.
    answer.putInt(request.command());
    answer.putInt(request.applicationId());
    answer.putInt(request.hopByHop());
    answer.putInt(request.endToEnd());
    putAvp(answer, ORIGIN_HOST, hostBytes);
    putAvp(answer, ORIGIN_REALM, realmBytes);
    putAvp(answer, RESULT_CODE, ByteBuffer.allocate(4).putInt((int) resultCode).array());
    return answer.flip();
  }

  private static int avpSpace(int dataBytes) {
    return (8 + dataBytes + 3) & ~3;
  }

  private static void putAvp(ByteBuffer buffer, int code, byte[] data) {
    buffer.putInt(code);
    buffer.putInt((AVP_FLAG_MANDATORY << 24) | (8 + data.length));
    buffer.put(data);
    for (int pad = (4 - data.length % 4) % 4; pad > 0; pad--) {
      buffer.put((byte) 0);
    }
  }

  /** The Result-Code of the message at {@code at} (its header read), or empty. */
  static OptionalLong resultCode(ByteBuffer buffer, int at, Header header) {
    int[] found = {-1};
    eachAvp(
        buffer,
        at,
        header,
        (code, dataAt, dataLength) -> {
          if (code == RESULT_CODE && dataLength == 4) {
            found[0] = dataAt;
          }
        });
    return found[0] < 0
        ? OptionalLong.empty()
        : OptionalLong.of(Integer.toUnsignedLong(buffer.getInt(found[0])));
  }

  /**
   * Writes {@code ipv4} over every IPv4 Host-IP-Address of the message at {@code at}: the stack
   * behind the guard listens on loopback and names that address in its CEA.
   */
  static void replaceHostIpAddresses(ByteBuffer buffer, int at, Header header, byte[] ipv4) {
    eachAvp(
        buffer,
        at,
        header,
        (code, dataAt, dataLength) -> {
          if (code == HOST_IP_ADDRESS
              && dataLength == 6
              && buffer.getShort(dataAt) == ADDRESS_FAMILY_IPV4) {
            buffer.put(dataAt + 2, ipv4);
          }
        });
  }

  private interface AvpVisitor {
    void visit(int code, int dataAt, int dataLength);
  }

  /** Visits the top-level AVPs; stops at the first one whose length does not fit. */
  private static void eachAvp(ByteBuffer buffer, int at, Header header, AvpVisitor visitor) {
    int end = at + header.length();
    int avp = at + HEADER_BYTES;
    while (avp + 8 <= end) {
      int code = buffer.getInt(avp);
      int flagsAndLength = buffer.getInt(avp + 4);
      int length = flagsAndLength & 0xFFFFFF;
      int headerLength = (flagsAndLength >>> 24 & AVP_FLAG_VENDOR) != 0 ? 12 : 8;
      if (length < headerLength || avp + length > end) {
        return;
      }
      visitor.visit(code, avp + headerLength, length - headerLength);
      avp += (length + 3) & ~3;
    }
  }
}
