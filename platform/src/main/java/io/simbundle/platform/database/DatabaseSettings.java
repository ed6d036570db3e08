package io.simbundle.platform.database;

import io.simbundle.platform.settings.Settings;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the engine keeps its data.
 *
 * @param url a MySQL/MariaDB JDBC URL; empty means "start an embedded MariaDB"
 * @param user the account for {@code url}
 * @param password the password for {@code url}
 * @param embeddedDirectory where the embedded server keeps its data files (and unpacked binaries)
 * @param embeddedPort the embedded server's TCP port on 127.0.0.1; 0 picks a free one
 * @param poolSize the connection pool's size
 */
public record DatabaseSettings(
    Optional<String> url,
    String user,
    String password,
    Path embeddedDirectory,
    int embeddedPort,
    int poolSize) {

  public static final String URL = "simbundle.db.url";
  public static final String USER = "simbundle.db.user";
  public static final String PASSWORD = "simbundle.db.password";
  public static final String POOL_SIZE = "simbundle.db.pool-size";
  public static final String EMBEDDED_PORT = "simbundle.db.embedded-port";
  public static final String DATA_DIR = "simbundle.data.dir";

  public DatabaseSettings {
    Objects.requireNonNull(url);
    Objects.requireNonNull(user);
    Objects.requireNonNull(password);
    Objects.requireNonNull(embeddedDirectory);
    if (poolSize < 1) {
      throw new IllegalArgumentException("pool size must be at least 1, was " + poolSize);
    }
  }

  /** Reads the {@code simbundle.db.*} keys; {@code simbundle.data.dir} defaults to ./data. */
  public static DatabaseSettings from(Settings settings) {
    return new DatabaseSettings(
        settings.find(URL),
        settings.text(USER, "root"),
        settings.text(PASSWORD, ""),
        settings.path(DATA_DIR).orElse(Path.of("data")).resolve("mariadb"),
        settings.integer(EMBEDDED_PORT, 0),
        settings.integer(POOL_SIZE, 32));
  }

  public boolean embedded() {
    return url.isEmpty();
  }
}
