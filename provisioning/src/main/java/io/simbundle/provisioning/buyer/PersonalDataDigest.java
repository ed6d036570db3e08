package io.simbundle.provisioning.buyer;

import io.simbundle.platform.database.DatabaseUnavailableException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * A keyed digest (HMAC-SHA256) of a resident ID number: lets the engine count a buyer's cards and
 * orders without storing or indexing the number itself. The key comes from {@code
 * simbundle.pii.key} (base64, at least 32 bytes); when none is configured one is generated once and
 * kept in the database, so digests stay comparable across restarts.
 */
public final class PersonalDataDigest {

  public static final String KEY_SETTING = "simbundle.pii.key";
  private static final String SECRET_NAME = "id-number-digest-key";
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private PersonalDataDigest(byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException(KEY_SETTING + " must hold at least 32 bytes");
    }
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  public static PersonalDataDigest withKey(byte[] key) {
    return new PersonalDataDigest(key);
  }

  /** The configured key, or the one kept in the database (generated on first use). */
  public static PersonalDataDigest open(Optional<String> configuredKey, DataSource dataSource) {
    if (configuredKey.isPresent()) {
      return new PersonalDataDigest(Base64.getDecoder().decode(configuredKey.get()));
    }
    return new PersonalDataDigest(Base64.getDecoder().decode(storedKey(dataSource)));
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

  private static String storedKey(DataSource dataSource) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    try (Connection connection = dataSource.getConnection()) {
      // INSERT IGNORE keeps the first key if two engines start at once on one database.
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT IGNORE INTO provisioning_secret (name, value, created_at) VALUES (?, ?, ?)")) {
        insert.setString(1, SECRET_NAME);
        insert.setString(2, Base64.getEncoder().encodeToString(fresh));
        insert.setTimestamp(3, Timestamp.from(Instant.now()));
        insert.executeUpdate();
      }
      try (PreparedStatement select =
          connection.prepareStatement("SELECT value FROM provisioning_secret WHERE name = ?")) {
        select.setString(1, SECRET_NAME);
        try (ResultSet row = select.executeQuery()) {
          row.next();
          return row.getString(1);
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the personal-data key", e);
    }
  }

  @Override
  public String toString() {
    return "PersonalDataDigest[" + ALGORITHM + ", key hidden]";
  }
}
