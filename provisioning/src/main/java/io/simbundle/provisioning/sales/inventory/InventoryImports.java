package io.simbundle.provisioning.sales.inventory;

import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.provisioning.audit.Actor;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports of card and number files: every good line of a file and the batch record in one
 * transaction, lines already in stock or repeated in the file reported, never stored twice.
 */
final class InventoryImports {

  private static final Logger log = LoggerFactory.getLogger(InventoryImports.class);

  private final DataSource dataSource;
  private final Clock clock;

  InventoryImports(DataSource dataSource, Clock clock) {
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /**
   * Imports a CSV file of cards or numbers in one transaction: the good lines and the batch record
   * are stored together, or nothing is.
   *
   * @throws InvalidInventoryFileException when the file has no usable header
   * @throws InventoryConflictException when another import stored some of the same items meanwhile
   */
  ImportReport importFile(InventoryKind kind, String source, Reader csv, Actor actor) {
    InventoryFile.Contents contents = InventoryFile.read(kind, csv);
    List<RejectedLine> rejected = new ArrayList<>(contents.rejected());
    List<InventoryFile.Item> fresh = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (int from = 0; from < contents.items().size(); from += Inventory.CHUNK) {
          List<InventoryFile.Item> chunk =
              contents
                  .items()
                  .subList(from, Math.min(from + Inventory.CHUNK, contents.items().size()));
          Set<String> known = existing(connection, kind, chunk, InventoryFile.Item::key, true);
          Set<String> knownImsi =
              kind == InventoryKind.SIM_CARD
                  ? existing(connection, kind, chunk, i -> i.imsi().orElseThrow(), false)
                  : Set.of();
          for (InventoryFile.Item item : chunk) {
            if (known.contains(item.key())) {
              rejected.add(new RejectedLine(item.line(), item.key() + " is already in inventory"));
            } else if (item.imsi().map(knownImsi::contains).orElse(false)) {
              rejected.add(
                  new RejectedLine(
                      item.line(), "IMSI " + item.imsi().get() + " is already in inventory"));
            } else {
              fresh.add(item);
            }
          }
        }
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        long batchId = insertBatch(connection, kind, source, actor, contents, fresh.size());
        insertItems(connection, kind, batchId, fresh);
        connection.commit();
        log.info(
            "inventory batch {} ({} from {}) by {}: {} imported, {} rejected",
            batchId,
            kind.apiName(),
            source,
            actor,
            fresh.size(),
            rejected.size());
        return new ImportReport(
            batchId, kind, source, contents.linesRead(), fresh.size(), rejected);
      } catch (SQLIntegrityConstraintViolationException e) {
        connection.rollback();
        throw new InventoryConflictException(
            "another import stored some of these items at the same time; nothing was imported,"
                + " send the file again");
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("inventory import failed: " + e.getMessage(), e);
    }
  }

  private static Set<String> existing(
      Connection connection,
      InventoryKind kind,
      List<InventoryFile.Item> chunk,
      Function<InventoryFile.Item, String> value,
      boolean key)
      throws SQLException {
    String column = key ? (kind == InventoryKind.SIM_CARD ? "iccid" : "msisdn") : "imsi";
    String sql =
        "SELECT "
            + column
            + " FROM "
            + Inventory.table(kind)
            + " WHERE "
            + column
            + " IN ("
            + String.join(",", Collections.nCopies(chunk.size(), "?"))
            + ")";
    Set<String> found = new HashSet<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < chunk.size(); i++) {
        select.setString(i + 1, value.apply(chunk.get(i)));
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  private long insertBatch(
      Connection connection,
      InventoryKind kind,
      String source,
      Actor actor,
      InventoryFile.Contents contents,
      int imported)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO inventory_batch (kind, source_name, imported_by, imported_at, lines_read,"
                + " lines_imported, lines_rejected) VALUES (?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, kind.apiName());
      insert.setString(2, source.length() > 255 ? source.substring(0, 255) : source);
      insert.setString(3, actor.name());
      insert.setTimestamp(4, Timestamp.from(clock.instant()));
      insert.setInt(5, contents.linesRead());
      insert.setInt(6, imported);
      insert.setInt(7, contents.linesRead() - imported);
      insert.executeUpdate();
      try (ResultSet key = insert.getGeneratedKeys()) {
        key.next();
        return key.getLong(1);
      }
    }
  }

  private static void insertItems(
      Connection connection, InventoryKind kind, long batchId, List<InventoryFile.Item> items)
      throws SQLException {
    String sql =
        kind == InventoryKind.SIM_CARD
            ? "INSERT INTO sim_card (iccid, province, batch_id, status, imsi) VALUES (?, ?, ?, ?, ?)"
            : "INSERT INTO phone_number (msisdn, province, batch_id, status) VALUES (?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      int pending = 0;
      for (InventoryFile.Item item : items) {
        insert.setString(1, item.key());
        insert.setString(2, item.province().name());
        insert.setLong(3, batchId);
        insert.setString(4, Inventory.AVAILABLE);
        if (kind == InventoryKind.SIM_CARD) {
          insert.setString(5, item.imsi().orElseThrow());
        }
        insert.addBatch();
        if (++pending == Inventory.CHUNK) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }
}
