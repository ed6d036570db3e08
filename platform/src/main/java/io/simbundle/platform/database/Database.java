package io.simbundle.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one relational database: an external MySQL/MariaDB when {@code simbundle.db.url} is
 * set, otherwise an embedded MariaDB. Either way the driver is MySQL Connector/J and the
 * connections come from one pool.
 */
public final class Database implements AutoCloseable {

  /**
   * Connector/J parameters the engine relies on: UTC on the wire, batched inserts, statements
   * parsed once per connection, no round trip to set what the session has already.
   */
  /** How long a request waits for a connection from the pool before the database counts as down. */
  static final long CONNECTION_TIMEOUT_MILLIS = 5_000;

  public static final String RECOMMENDED_URL_PARAMETERS =
      "sslMode=DISABLED&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
          + "&rewriteBatchedStatements=true&characterEncoding=UTF-8"
          + "&cachePrepStmts=true&prepStmtCacheSize=500&prepStmtCacheSqlLimit=4096"
          + "&useLocalSessionState=true&connectTimeout=3000";

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private final HikariDataSource pool;
  private final Optional<EmbeddedMariaDb> embedded;
  private final boolean mariaDb;

  private Database(HikariDataSource pool, Optional<EmbeddedMariaDb> embedded, boolean mariaDb) {
    this.pool = pool;
    this.embedded = embedded;
    this.mariaDb = mariaDb;
  }

  /** Connects to the configured database, starting the embedded one when no URL is given. */
  /**
   * For a process whose own shutdown hook closes its databases after their last writes: the
   * embedded server is then not stopped by a shutdown hook of its own, which would run at the same
   * time, unless the process failed to close it within a minute.
   */
  public static void leaveEmbeddedServerStopToClose() {
    RetainedDataDb.leaveStoppingToOwner();
  }

  public static Database open(DatabaseSettings settings) {
    Optional<EmbeddedMariaDb> embedded =
        settings.embedded()
            ? Optional.of(
                EmbeddedMariaDb.start(settings.embeddedDirectory(), settings.embeddedPort()))
            : Optional.empty();
    try {
      String url = embedded.map(EmbeddedMariaDb::jdbcUrl).orElseGet(() -> settings.url().get());
      HikariConfig config = new HikariConfig();
      config.setPoolName("simbundle");
      config.setJdbcUrl(url);
      config.setUsername(embedded.isPresent() ? "root" : settings.user());
      config.setPassword(embedded.isPresent() ? "" : settings.password());
      config.setMaximumPoolSize(settings.poolSize());
      // During an outage a request fails after this long with 503 instead of hanging for 30 s.
      config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
      config.setAutoCommit(true);
      config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
      HikariDataSource pool = new HikariDataSource(config);
      Database database = new Database(pool, embedded, isMariaDb(pool));
      log.info("database {} ({})", redact(url), database.mariaDb ? "MariaDB" : "MySQL");
      return database;
    } catch (RuntimeException e) {
      embedded.ifPresent(EmbeddedMariaDb::close);
      throw e instanceof DatabaseUnavailableException
          ? e
          : new DatabaseUnavailableException(
              "cannot connect to the database: " + e.getMessage(), e);
    }
  }

  public DataSource dataSource() {
    return pool;
  }

  /** The Hibernate dialect for this server; Connector/J reports MariaDB as "MySQL". */
  public String hibernateDialect() {
    return mariaDb ? "org.hibernate.dialect.MariaDBDialect" : "org.hibernate.dialect.MySQLDialect";
  }

  public boolean isEmbedded() {
    return embedded.isPresent();
  }

  /** Applies one module's migrations; each module keeps its own history table. */
  public void migrate(ModuleSchema schema) {
    schema.migrate(pool);
  }

  private static boolean isMariaDb(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet version = statement.executeQuery("SELECT VERSION()")) {
      version.next();
      return version.getString(1).toLowerCase(java.util.Locale.ROOT).contains("mariadb");
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot reach the database: " + e.getMessage(), e);
    }
  }

  private static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  @Override
  public void close() {
    pool.close();
    embedded.ifPresent(EmbeddedMariaDb::close);
  }
}
