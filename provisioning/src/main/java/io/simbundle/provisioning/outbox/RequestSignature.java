package io.simbundle.provisioning.outbox;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a store's request: HMAC-SHA256 over {@code timestamp + "." + raw body}, base64,
 * with the timestamp in epoch seconds. A request is accepted when its timestamp lies within the
 * replay window of now and the signature matches one of the store's valid secrets; the comparison
 * takes constant time.
 */
public final class RequestSignature {

  /** How far a request's timestamp may lie from the engine's clock, either way. */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  private RequestSignature() {}

  /** Signs as a store does: for the store side of tests and tools. */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  /**
   * @return why the request is refused; empty when it is accepted
   */
  public static Optional<String> refusal(
      List<String> secrets, String timestamp, String signature, String body, Instant now) {
    if (timestamp == null || timestamp.isBlank() || signature == null || signature.isBlank()) {
      return Optional.of("the timestamp and signature headers are required");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return Optional.of("the timestamp is not a number of epoch seconds");
    }
    Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now).abs();
    if (skew.compareTo(WINDOW) > 0) {
      return Optional.of(
          "the timestamp is " + skew.toSeconds() + " s from the engine's clock; at most 300 s");
    }
    byte[] given = signature.trim().getBytes(StandardCharsets.UTF_8);
    for (String secret : secrets) {
      byte[] expected = sign(secret, timestamp.trim(), body).getBytes(StandardCharsets.UTF_8);
      if (MessageDigest.isEqual(expected, given)) {
        return Optional.empty();
      }
    }
    return Optional.of("the signature does not match");
  }
}
