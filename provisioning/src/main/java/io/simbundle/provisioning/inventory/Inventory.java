package io.simbundle.provisioning.inventory;

import io.simbundle.catalog.product.Province;
import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.provisioning.audit.Actor;
import jakarta.persistence.EntityManager;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIM cards and phone numbers: imported in batches, reserved by orders, assigned on activation.
 *
 * <p>An ICCID or MSISDN is never held by two orders: a reservation takes the row under a lock that
 * concurrent reservations skip ({@code FOR UPDATE SKIP LOCKED}, so buyers do not queue behind each
 * other), changes it only if it is still available, and the order table's unique keys on both
 * columns refuse a second holder even if that were to go wrong.
 */
public final class Inventory {

  private static final Logger log = LoggerFactory.getLogger(Inventory.class);
  private static final int CHUNK = 500;

  private static final String AVAILABLE = "available";
  private static final String RESERVED = "reserved";
  private static final String ASSIGNED = "assigned";

  private final DataSource dataSource;
  private final Clock clock;

  public Inventory(DataSource dataSource, Clock clock) {
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
  public ImportReport importFile(InventoryKind kind, String source, Reader csv, Actor actor) {
    InventoryFile.Contents contents = InventoryFile.read(kind, csv);
    List<RejectedLine> rejected = new ArrayList<>(contents.rejected());
    List<InventoryFile.Item> fresh = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        for (int from = 0; from < contents.items().size(); from += CHUNK) {
          List<InventoryFile.Item> chunk =
              contents.items().subList(from, Math.min(from + CHUNK, contents.items().size()));
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
            + table(kind)
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
        insert.setString(4, AVAILABLE);
        if (kind == InventoryKind.SIM_CARD) {
          insert.setString(5, item.imsi().orElseThrow());
        }
        insert.addBatch();
        if (++pending == CHUNK) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  /**
   * Reserves a number and a card of the province for an order, in the caller's transaction.
   *
   * @param pickedMsisdn the number the buyer chose, if any
   * @throws InventoryUnavailableException when none is free or the picked number is not
   */
  public Allocation reserve(
      EntityManager em, long orderId, Province province, Optional<String> pickedMsisdn) {
    String msisdn =
        pickedMsisdn
            .map(
                picked -> {
                  int taken =
                      em.createNativeQuery(
                              "UPDATE phone_number SET status = ?1, order_id = ?2"
                                  + " WHERE msisdn = ?3 AND province = ?4 AND status = ?5")
                          .setParameter(1, RESERVED)
                          .setParameter(2, orderId)
                          .setParameter(3, picked)
                          .setParameter(4, province.name())
                          .setParameter(5, AVAILABLE)
                          .executeUpdate();
                  if (taken != 1) {
                    throw new InventoryUnavailableException(
                        "number " + picked + " is not available in " + province.name());
                  }
                  return picked;
                })
            .orElseGet(
                () ->
                    takeFirstAvailable(em, "phone_number", "msisdn", "msisdn", orderId, province)[
                        0]);
    String[] card = takeFirstAvailable(em, "sim_card", "iccid", "imsi", orderId, province);
    String iccid = card[0];
    String imsi = card[1];
    return new Allocation(msisdn, iccid, imsi);
  }

  /** Takes the first available row of the province; returns its key and {@code also}. */
  private static String[] takeFirstAvailable(
      EntityManager em, String table, String key, String also, long orderId, Province province) {
    // Locked rows belong to reservations in flight: skipping them lets buyers proceed in parallel.
    @SuppressWarnings("unchecked")
    List<Object[]> candidates =
        em.createNativeQuery(
                "SELECT "
                    + key
                    + ", "
                    + also
                    + " FROM "
                    + table
                    + " WHERE province = ?1 AND status = ?2 ORDER BY "
                    + key
                    + " LIMIT 1 FOR UPDATE SKIP LOCKED",
                Object[].class)
            .setParameter(1, province.name())
            .setParameter(2, AVAILABLE)
            .getResultList();
    if (candidates.isEmpty()) {
      throw new InventoryUnavailableException(
          "no "
              + (table.equals("sim_card") ? "SIM card" : "number")
              + " is available in "
              + province.name());
    }
    String taken = (String) candidates.get(0)[0];
    int updated =
        em.createNativeQuery(
                "UPDATE "
                    + table
                    + " SET status = ?1, order_id = ?2 WHERE "
                    + key
                    + " = ?3 AND status = ?4")
            .setParameter(1, RESERVED)
            .setParameter(2, orderId)
            .setParameter(3, taken)
            .setParameter(4, AVAILABLE)
            .executeUpdate();
    if (updated != 1) {
      throw new IllegalStateException(taken + " changed under its row lock");
    }
    return new String[] {taken, (String) candidates.get(0)[1]};
  }

  /** Returns what an order reserved to the available stock, in the caller's transaction. */
  public void release(EntityManager em, long orderId) {
    for (String table : List.of("phone_number", "sim_card")) {
      em.createNativeQuery(
              "UPDATE "
                  + table
                  + " SET status = ?1, order_id = NULL WHERE order_id = ?2 AND status = ?3")
          .setParameter(1, AVAILABLE)
          .setParameter(2, orderId)
          .setParameter(3, RESERVED)
          .executeUpdate();
    }
  }

  /** Marks what an order reserved as in service, in the caller's transaction. */
  public void assign(EntityManager em, long orderId) {
    for (String table : List.of("phone_number", "sim_card")) {
      int assigned =
          em.createNativeQuery(
                  "UPDATE " + table + " SET status = ?1 WHERE order_id = ?2 AND status = ?3")
              .setParameter(1, ASSIGNED)
              .setParameter(2, orderId)
              .setParameter(3, RESERVED)
              .executeUpdate();
      if (assigned != 1) {
        throw new IllegalStateException("order " + orderId + " holds no reserved " + table);
      }
    }
  }

  /** Stock per kind and province. */
  public List<StockLevel> stock() {
    List<StockLevel> levels = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      for (InventoryKind kind : InventoryKind.values()) {
        try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT province, SUM(status = 'available'), SUM(status = 'reserved'),"
                        + " SUM(status = 'assigned') FROM "
                        + table(kind)
                        + " GROUP BY province ORDER BY province");
            ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            levels.add(
                new StockLevel(
                    kind, rows.getString(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)));
          }
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the inventory: " + e.getMessage(), e);
    }
    return levels;
  }

  private static String table(InventoryKind kind) {
    return kind == InventoryKind.SIM_CARD ? "sim_card" : "phone_number";
  }
}
