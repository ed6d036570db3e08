package io.simbundle.provisioning.channels.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A text as the SMSC takes it (SMPP 3.4 submit_sm, GSM 03.38 / 3GPP TS 23.040): plain ASCII in the
 * SMSC's default alphabet ({@code data_coding} 0), anything else — Chinese above all — as UCS-2
 * ({@code data_coding} 8). A text too long for one message is split into parts carrying a
 * concatenation header (UDH, information element 0x00 with an 8-bit reference), {@code esm_class}
 * UDHI, which the handset joins again.
 */
public final class SmsText {

  /** The SMSC's default alphabet: ASCII text, 160 characters in one message. */
  static final byte DEFAULT_ALPHABET = 0;

  /** UCS-2: 70 characters in one message. */
  static final byte UCS2 = 8;

  private static final int DEFAULT_SINGLE = 160;
  private static final int DEFAULT_PART = 153;
  private static final int UCS2_SINGLE = 70;
  private static final int UCS2_PART = 67;

  /** The most parts an 8-bit concatenation reference allows. */
  static final int MAX_PARTS = 255;

  /**
   * One submit_sm's content.
   *
   * @param dataCoding {@link #DEFAULT_ALPHABET} or {@link #UCS2}
   * @param concatenated whether {@code shortMessage} starts with a concatenation UDH
   * @param shortMessage the octets of short_message
   */
  public record Part(byte dataCoding, boolean concatenated, byte[] shortMessage) {
    public Part {
      shortMessage = shortMessage.clone();
    }

    @Override
    public byte[] shortMessage() {
      return shortMessage.clone();
    }
  }

  private SmsText() {}

  /**
   * The parts a text is sent as.
   *
   * @param reference the concatenation reference shared by the parts (its low 8 bits are used)
   * @throws IllegalArgumentException for an empty text, or one needing more than {@value
   *     #MAX_PARTS} parts
   */
  public static List<Part> parts(String text, int reference) {
    Objects.requireNonNull(text);
    if (text.isEmpty()) {
      throw new IllegalArgumentException("an SMS has a text");
    }
    boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r');
    // UCS-2 counts UTF-16 units: a character beyond the BMP takes two, never split apart.
    List<String> chunks =
        ascii ? chunks(text, DEFAULT_SINGLE, DEFAULT_PART) : chunks(text, UCS2_SINGLE, UCS2_PART);
    if (chunks.size() > MAX_PARTS) {
      throw new IllegalArgumentException("a text of " + chunks.size() + " parts is too long");
    }
    byte coding = ascii ? DEFAULT_ALPHABET : UCS2;
    List<Part> parts = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      byte[] body =
          chunks.get(i).getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
      if (chunks.size() == 1) {
        parts.add(new Part(coding, false, body));
        continue;
      }
      byte[] message = new byte[6 + body.length];
      message[0] = 5; // UDH length
      message[1] = 0; // concatenated short messages, 8-bit reference
      message[2] = 3; // its length
      message[3] = (byte) reference;
      message[4] = (byte) chunks.size();
      message[5] = (byte) (i + 1);
      System.arraycopy(body, 0, message, 6, body.length);
      parts.add(new Part(coding, true, message));
    }
    return parts;
  }

  /** The text cut into UTF-16 chunks: one when it fits {@code single}, else of {@code part}. */
  private static List<String> chunks(String text, int single, int part) {
    if (text.length() <= single) {
      return List.of(text);
    }
    List<String> chunks = new ArrayList<>();
    int from = 0;
    while (from < text.length()) {
      int to = Math.min(from + part, text.length());
      if (to < text.length() && Character.isHighSurrogate(text.charAt(to - 1))) {
        to--;
      }
      chunks.add(text.substring(from, to));
      from = to;
    }
    return chunks;
  }

  /** The text of parts as a handset shows them joined: for tests and the SMSC's side. */
  public static String joined(List<Part> parts) {
    StringBuilder text = new StringBuilder();
    for (Part part : parts) {
      byte[] message = part.shortMessage();
      int start = part.concatenated() ? (message[0] & 0xff) + 1 : 0;
      text.append(
          new String(
              message,
              start,
              message.length - start,
              part.dataCoding() == UCS2 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII));
    }
    return text.toString();
  }
}
