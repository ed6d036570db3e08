package io.simbundle.provisioning.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data (names, ID numbers) for storage with AES-256-GCM: each value gets a fresh
 * nonce, and the column it belongs to is bound in as associated data, so a sealed name cannot be
 * passed off as an ID number. The key is derived from the personal-data key, so one secret is
 * configured for digests and seals.
 */
public final class PersonalDataSeal {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final byte VERSION = 1;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  PersonalDataSeal(byte[] personalDataKey) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(new SecretKeySpec(personalDataKey, "HmacSHA256"));
      this.key =
          new SecretKeySpec(
              derive.doFinal("simbundle personal-data seal v1".getBytes(StandardCharsets.UTF_8)),
              "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  /** The value sealed, as base64 text: version, nonce, ciphertext and tag. */
  public String seal(String field, String value) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder()
          .encodeToString(
              ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                  .put(VERSION)
                  .put(nonce)
                  .put(sealed)
                  .array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal personal data", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the text was not sealed with this key for this field
   */
  public String open(String field, String sealedText) {
    try {
      ByteBuffer sealed = ByteBuffer.wrap(Base64.getDecoder().decode(sealedText));
      if (sealed.remaining() < 1 + NONCE_BYTES || sealed.get() != VERSION) {
        throw new IllegalArgumentException("not a sealed value");
      }
      byte[] nonce = new byte[NONCE_BYTES];
      sealed.get(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(sealed.array(), sealed.position(), sealed.remaining());
      return new String(plain, StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("sealed with another key or for another field", e);
    }
  }

  @Override
  public String toString() {
    return "PersonalDataSeal[AES-256-GCM, key hidden]";
  }
}
