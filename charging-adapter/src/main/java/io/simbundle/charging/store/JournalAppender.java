package io.simbundle.charging.store;

import com.mysql.cj.jdbc.JdbcConnection;
import io.simbundle.platform.json.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Appends journal rows over a connection of its own, with server-side prepared statements: the
 * batches go as binary, neither escaped by the driver nor parsed as literals by the server. The
 * rows of one group commit (one per shard) go in one multi-row insert, a transaction of its own;
 * the database's fence refuses the whole insert when one row's epoch is stale. Not thread-safe: one
 * per writer thread.
 */
final class JournalAppender implements AutoCloseable {

  /** One row to append: a shard's part of a group commit, or answers that touch no account. */
  record Row(Integer shard, long epoch, JournalBatch batch) {}

  /** The database refused an append: one of its rows was written under a stale lease. */
  static final class StaleEpochException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StaleEpochException(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private static final int MAX_ATTEMPTS = 3;

  /** SQLSTATE of the fence trigger's refusal (a user-defined SIGNAL). */
  private static final String REFUSED = "45000";

  private final DataSource dataSource;
  private final Clock clock;
  private final String nodeId;
  private Connection connection;
  private final Map<Integer, PreparedStatement> inserts = new HashMap<>();

  JournalAppender(DataSource dataSource, Clock clock, String nodeId) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.nodeId = nodeId;
  }

  /**
   * Appends rows in one statement.
   *
   * @return the rows' journal ids, in order, once committed
   * @throws StaleEpochException when the fence refused a row (nothing is appended)
   */
  List<Long> append(List<Row> rows) {
    for (int attempt = 1; ; attempt++) {
      try {
        return appendOnce(rows);
      } catch (ChargingStoreException e) {
        // A deadlock victim was rolled back whole: appending it again cannot double anything.
        if (attempt == MAX_ATTEMPTS || !(e.getCause() instanceof SQLTransactionRollbackException)) {
          throw e;
        }
      }
    }
  }

  private List<Long> appendOnce(List<Row> rows) {
    try {
      PreparedStatement statement = statement(rows.size());
      Timestamp now = Timestamp.from(clock.instant());
      int p = 1;
      for (Row row : rows) {
        statement.setTimestamp(p++, now);
        if (row.shard() == null) {
          // Answers to unknown subscribers: nothing to fold in, nothing to fence.
          statement.setNull(p++, java.sql.Types.INTEGER);
          statement.setNull(p++, java.sql.Types.BIGINT);
          statement.setBoolean(p++, true);
        } else {
          statement.setInt(p++, row.shard());
          statement.setLong(p++, row.epoch());
          statement.setBoolean(p++, false);
        }
        statement.setString(p++, nodeId);
        statement.setBytes(p++, Json.writeBytes(row.batch()));
      }
      statement.executeUpdate();
      List<Long> ids = new ArrayList<>(rows.size());
      try (ResultSet keys = statement.getGeneratedKeys()) {
        while (keys.next()) {
          ids.add(keys.getLong(1));
        }
      }
      return ids;
    } catch (SQLException e) {
      if (REFUSED.equals(e.getSQLState())) {
        throw new StaleEpochException(e);
      }
      if (!(e instanceof SQLTransactionRollbackException)) {
        // The connection may be broken: the next append opens another.
        close();
      }
      throw new ChargingStoreException("cannot append to the charging journal", e);
    }
  }

  private PreparedStatement statement(int rows) throws SQLException {
    if (connection == null) {
      connection = dataSource.getConnection();
      connection.setAutoCommit(true);
    }
    PreparedStatement insert = inserts.get(rows);
    if (insert == null) {
      StringBuilder sql =
          new StringBuilder(
              "INSERT INTO charging_journal (created_at, shard, epoch, applied, node_id, entries)"
                  + " VALUES ");
      for (int i = 0; i < rows; i++) {
        sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
      }
      insert =
          connection.isWrapperFor(JdbcConnection.class)
              ? connection
                  .unwrap(JdbcConnection.class)
                  .serverPrepareStatement(sql.toString(), Statement.RETURN_GENERATED_KEYS)
              : connection.prepareStatement(sql.toString(), Statement.RETURN_GENERATED_KEYS);
      inserts.put(rows, insert);
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
      inserts.clear();
    }
  }
}
