package io.simbundle.charging.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Diameter message as bytes on the wire (RFC 6733 3, 4), read and written without jDiameter, so
 * that tests see exactly what the engine sends.
 *
 * @param flags the command flags (R, P, E, T)
 * @param command the command code
 * @param applicationId the Application-Id of the header
 * @param hopByHop the Hop-by-Hop Identifier
 * @param endToEnd the End-to-End Identifier
 * @param avps the AVPs in the order they appear
 */
public record WireMessage(
    int flags, int command, long applicationId, int hopByHop, int endToEnd, List<Avp> avps) {

  public static final int REQUEST = 0x80;
  public static final int PROXIABLE = 0x40;
  public static final int ERROR = 0x20;
  public static final int RETRANSMITTED = 0x10;

  /** One AVP; a grouped AVP's children are read on demand. */
  public record Avp(int code, int flags, long vendorId, byte[] data) {

    public static Avp of(int code, byte[] data) {
      return new Avp(code, 0x40, 0, data);
    }

    public static Avp utf8(int code, String value) {
      return of(code, value.getBytes(StandardCharsets.UTF_8));
    }

    public static Avp unsigned32(int code, long value) {
      return of(code, ByteBuffer.allocate(4).putInt((int) value).array());
    }

    public static Avp unsigned64(int code, long value) {
      return of(code, ByteBuffer.allocate(8).putLong(value).array());
    }

    public static Avp grouped(int code, Avp... children) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (Avp child : children) {
        child.writeTo(out);
      }
      return of(code, out.toByteArray());
    }

    public static Avp address(int code, byte[] ipv4) {
      return of(code, ByteBuffer.allocate(6).putShort((short) 1).put(ipv4).array());
    }

    public long unsigned32() {
      return ByteBuffer.wrap(data).getInt() & 0xFFFFFFFFL;
    }

    public String utf8() {
      return new String(data, StandardCharsets.UTF_8);
    }

    public List<Avp> children() {
      return readAvps(ByteBuffer.wrap(data));
    }

    void writeTo(ByteArrayOutputStream out) {
      boolean vendor = vendorId != 0;
      int length = 8 + (vendor ? 4 : 0) + data.length;
      ByteBuffer header = ByteBuffer.allocate(vendor ? 12 : 8);
      header.putInt(code).putInt(((vendor ? flags | 0x80 : flags) << 24) | length);
      if (vendor) {
        header.putInt((int) vendorId);
      }
      out.writeBytes(header.array());
      out.writeBytes(data);
      out.writeBytes(new byte[(4 - data.length % 4) % 4]);
    }
  }

  public boolean isRequest() {
    return (flags & REQUEST) != 0;
  }

  public boolean isError() {
    return (flags & ERROR) != 0;
  }

  public List<Avp> all(int code) {
    return avps.stream().filter(a -> a.code() == code).toList();
  }

  public Optional<Avp> first(int code) {
    return avps.stream().filter(a -> a.code() == code).findFirst();
  }

  public byte[] bytes() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    avps.forEach(avp -> avp.writeTo(body));
    ByteBuffer message = ByteBuffer.allocate(20 + body.size());
    message.putInt((1 << 24) | (20 + body.size()));
    message.putInt((flags << 24) | command);
    message.putInt((int) applicationId).putInt(hopByHop).putInt(endToEnd);
    message.put(body.toByteArray());
    return message.array();
  }

  /** Reads a whole message; fails on a malformed one. */
  public static WireMessage parse(byte[] bytes) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    int versionAndLength = buffer.getInt();
    if (versionAndLength >>> 24 != 1 || (versionAndLength & 0xFFFFFF) != bytes.length) {
      throw new IllegalArgumentException("not a Diameter message of " + bytes.length + " bytes");
    }
    int flagsAndCommand = buffer.getInt();
    long applicationId = buffer.getInt() & 0xFFFFFFFFL;
    int hopByHop = buffer.getInt();
    int endToEnd = buffer.getInt();
    return new WireMessage(
        flagsAndCommand >>> 24,
        flagsAndCommand & 0xFFFFFF,
        applicationId,
        hopByHop,
        endToEnd,
        readAvps(buffer));
  }

  private static List<Avp> readAvps(ByteBuffer buffer) {
    List<Avp> avps = new ArrayList<>();
    while (buffer.hasRemaining()) {
      int code = buffer.getInt();
      int flagsAndLength = buffer.getInt();
      int flags = flagsAndLength >>> 24;
      int length = flagsAndLength & 0xFFFFFF;
      long vendor = (flags & 0x80) != 0 ? buffer.getInt() & 0xFFFFFFFFL : 0;
      int dataLength = length - ((flags & 0x80) != 0 ? 12 : 8);
      if (dataLength < 0 || dataLength > buffer.remaining()) {
        throw new IllegalArgumentException("AVP " + code + " has a bad length " + length);
      }
      byte[] data = new byte[dataLength];
      buffer.get(data);
      buffer.position(Math.min(buffer.limit(), buffer.position() + (4 - dataLength % 4) % 4));
      avps.add(new Avp(code, flags, vendor, data));
    }
    return avps;
  }
}
