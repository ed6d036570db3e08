package io.simbundle.provisioning.channels.rest.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's credentials for admin actions, checked as HTTP Basic authentication.
 *
 * @param user the admin user name
 * @param password the admin password
 * @param generated whether the password was generated at start-up because none was configured
 */
public record AdminCredentials(String user, String password, boolean generated) {

  public static final String USER = "simbundle.admin.user";
  public static final String PASSWORD = "simbundle.admin.password";

  public AdminCredentials {
    Objects.requireNonNull(user);
    Objects.requireNonNull(password);
    if (password.length() < 12) {
      throw new IllegalArgumentException("the admin password must have at least 12 characters");
    }
  }

  /** The configured password, or a random one when none is configured. */
  public static AdminCredentials of(String user, Optional<String> password) {
    return password
        .map(p -> new AdminCredentials(user, p, false))
        .orElseGet(() -> new AdminCredentials(user, randomPassword(), true));
  }

  /** Whether an {@code Authorization} header carries these credentials. */
  public boolean accept(String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorizationHeader.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return false;
    }
    // Compare both parts in constant time, and both always, so timing tells nothing.
    boolean userMatches = constantTimeEquals(decoded.substring(0, colon), user);
    boolean passwordMatches = constantTimeEquals(decoded.substring(colon + 1), password);
    return userMatches & passwordMatches;
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public String toString() {
    return "AdminCredentials[user=" + user + ", password=***]";
  }
}
