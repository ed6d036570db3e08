package io.simbundle.provisioning.privacy;

import io.simbundle.platform.database.DatabaseUnavailableException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * How the engine protects personal data: a keyed digest to find a buyer by ID number, and a seal to
 * store names and ID numbers encrypted. Both come from one key, {@code simbundle.pii.key} (base64,
 * at least 32 bytes); when none is configured one is generated once and kept in the database, so
 * digests stay comparable and seals readable across restarts.
 */
public record PersonalData(PersonalDataDigest digest, PersonalDataSeal seal) {

  public static final String KEY_SETTING = "simbundle.pii.key";
  private static final String SECRET_NAME = "id-number-digest-key";

  public static PersonalData withKey(byte[] key) {
    return new PersonalData(PersonalDataDigest.withKey(key), new PersonalDataSeal(key));
  }

  /** The configured key, or the one kept in the database (generated on first use). */
  public static PersonalData open(Optional<String> configuredKey, DataSource dataSource) {
    String key = configuredKey.orElseGet(() -> storedKey(dataSource));
    return withKey(Base64.getDecoder().decode(key));
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
}
