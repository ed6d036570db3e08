package io.simbundle.platform.database;

import io.simbundle.platform.net.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A database server of a test's own, for outages: stopped under load and started again on the same
 * data and port, as an operator's restart of MariaDB would be.
 */
public final class StoppableDatabase implements AutoCloseable {

  private final Path directory;
  private final int port;
  private EmbeddedMariaDb server;

  private StoppableDatabase(Path directory, int port) {
    this.directory = directory;
    this.port = port;
    this.server = startServer();
  }

  public static StoppableDatabase start() {
    try {
      return new StoppableDatabase(
          Files.createTempDirectory("simbundle-outage-db"), FreePort.next());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private EmbeddedMariaDb startServer() {
    return EmbeddedMariaDb.start(TestDatabase.binariesCache(), directory.resolve("data"), port);
  }

  /** Settings for the server's schema; they stay right across stops and starts. */
  public DatabaseSettings settings() {
    return new DatabaseSettings(Optional.of(jdbcUrl()), "root", "", Path.of("unused"), 0, 8);
  }

  public String jdbcUrl() {
    return "jdbc:mysql://127.0.0.1:"
        + port
        + "/"
        + EmbeddedMariaDb.SCHEMA
        + "?"
        + Database.RECOMMENDED_URL_PARAMETERS;
  }

  /** Shuts the server down: every connection to it breaks, new ones are refused. */
  public void stop() {
    server.close();
    server = null;
  }

  /** Starts it again on the same data and port. */
  public void restart() {
    server = startServer();
  }

  @Override
  public void close() {
    if (server != null) {
      stop();
    }
    TestDatabase.deleteRecursively(directory);
  }
}
