package io.simbundle.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The one real database server of a test JVM: an embedded MariaDB started on first use in a
 * throw-away data directory (its unpacked binaries are cached across runs) and stopped when the JVM
 * exits. Each caller gets a schema of its own on it, so test classes never see each other's rows.
 */
public final class TestDatabase {

  private static final AtomicInteger schemas = new AtomicInteger();

  private TestDatabase() {}

  /** A new, empty schema on the shared server, reached through the configured-URL path. */
  public static Database newSchema(String purpose) {
    return Database.open(newSchemaSettings(purpose));
  }

  /** Settings that point at a new, empty schema on the shared server. */
  public static DatabaseSettings newSchemaSettings(String purpose) {
    EmbeddedMariaDb server = Server.INSTANCE;
    String schema =
        "t_"
            + purpose.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(java.util.Locale.ROOT)
            + "_"
            + schemas.incrementAndGet();
    server.createSchema(schema);
    return new DatabaseSettings(
        Optional.of(server.jdbcUrl(schema)), "root", "", Path.of("unused"), 0, 8);
  }

  /** Where the MariaDB binaries are unpacked once and reused by every test run. */
  public static Path binariesCache() {
    return Path.of(System.getProperty("java.io.tmpdir"))
        .resolve("simbundle-mariadb-" + EmbeddedMariaDb.BINARIES_VERSION);
  }

  private static final class Server {
    static final EmbeddedMariaDb INSTANCE = start();

    private static EmbeddedMariaDb start() {
      try {
        Path data = Files.createTempDirectory("simbundle-test-db");
        EmbeddedMariaDb server = EmbeddedMariaDb.start(binariesCache(), data.resolve("data"), 0);
        Runtime.getRuntime()
            .addShutdownHook(
                new Thread(
                    () -> {
                      server.close();
                      deleteRecursively(data);
                    },
                    "test-database-shutdown"));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A connection to the database, for tests that read its rows directly. */
  public static Connection connect(DatabaseSettings database) throws SQLException {
    return DriverManager.getConnection(
        database.url().orElseThrow(), database.user(), database.password());
  }

  /** The first column of the first row a query answers, as a number: a count or a sum. */
  public static long count(DatabaseSettings database, String sql) throws SQLException {
    try (Connection connection = connect(database);
        ResultSet row = connection.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Runs a statement on the database, e.g. to take a table away in a fault test. */
  public static void execute(DatabaseSettings database, String sql) throws SQLException {
    try (Connection connection = connect(database)) {
      connection.createStatement().execute(sql);
    }
  }
}
