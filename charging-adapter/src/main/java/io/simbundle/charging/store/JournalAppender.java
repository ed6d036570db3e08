package io.simbundle.charging.store;

import com.mysql.cj.jdbc.JdbcConnection;
import io.simbundle.platform.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Appends journal rows over a connection and a server-side prepared statement of its own: the batch
 * goes as binary, neither escaped by the driver nor parsed as a literal by the server. Each append
 * is a transaction of its own. Not thread-safe: one per writer thread.
 */
final class JournalAppender implements AutoCloseable {

  private static final String INSERT =
      "INSERT INTO charging_journal (created_at, entries) VALUES (?, ?)";

  private final DataSource dataSource;
  private final Clock clock;
  private Connection connection;
  private PreparedStatement insert;

  JournalAppender(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Appends one batch.
   *
   * @return the journal row's id, once committed
   */
  long append(JournalBatch batch) {
    byte[] entries = Json.writeBytes(batch);
    try {
      PreparedStatement statement = statement();
      statement.setTimestamp(1, Timestamp.from(clock.instant()));
      statement.setBytes(2, entries);
      statement.executeUpdate();
      try (ResultSet keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      // The connection may be broken: the next append opens another.
      close();
      throw new ChargingStoreException("cannot append to the charging journal", e);
    }
  }

  private PreparedStatement statement() throws SQLException {
    if (insert == null) {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      insert =
          connection.isWrapperFor(JdbcConnection.class)
              ? connection
                  .unwrap(JdbcConnection.class)
                  .serverPrepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)
              : connection.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS);
    }
    return insert;
  }

  @Override
  public void close() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (SQLException e) {
      // Already broken: nothing to give back.
    } finally {
      connection = null;
      insert = null;
    }
  }
}
