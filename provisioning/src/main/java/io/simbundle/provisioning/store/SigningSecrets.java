package io.simbundle.provisioning.store;

import java.security.SecureRandom;
import java.util.Base64;

/** Secrets the engine issues to stores and partners for HMAC signatures: 256 random bits. */
public final class SigningSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SigningSecrets() {}

  /** A new secret as base64url text without padding. */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
