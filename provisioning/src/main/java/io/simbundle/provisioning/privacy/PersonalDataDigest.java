package io.simbundle.provisioning.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed digest (HMAC-SHA256) of a resident ID number: lets the engine count a buyer's cards and
 * orders, and match an activation to its order, without indexing the number itself. The key is the
 * personal-data key ({@link PersonalData}).
 */
public final class PersonalDataDigest {

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private PersonalDataDigest(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException(PersonalData.KEY_SETTING + " must hold at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  public static PersonalDataDigest withKey(byte[] key) {
    return new PersonalDataDigest(key);
  }

  /** The digest of an ID number, normalised (trimmed, upper-case check character). */
  public String of(String idNumber) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      String normalized = idNumber.trim().toUpperCase(Locale.ROOT);
      return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has " + ALGORITHM, e);
    }
  }

  @Override
  public String toString() {
    return "PersonalDataDigest[" + ALGORITHM + ", key hidden]";
  }
}
