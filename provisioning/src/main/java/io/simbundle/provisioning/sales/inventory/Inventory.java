package io.simbundle.provisioning.sales.inventory;

import io.simbundle.catalog.product.Province;
import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import java.io.Reader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIM cards and phone numbers: imported in batches, reserved by orders, assigned on activation.
 * When a subscription ends its number rests in quarantine, then goes back on sale; its card is
 * retired. A card that was in a buyer's hands and came back is quarantined, never sold again.
 *
 * <p>An ICCID or MSISDN is never held by two orders: a reservation takes the row under a lock that
 * concurrent reservations skip ({@code FOR UPDATE SKIP LOCKED}, so buyers do not queue behind each
 * other), changes it only if it is still available, and the order table's unique keys on both
 * columns refuse a second holder even if that were to go wrong.
 */
public final class Inventory {

  private static final Logger log = LoggerFactory.getLogger(Inventory.class);
  static final int CHUNK = 500;

  static final String AVAILABLE = "available";
  private static final String RESERVED = "reserved";
  private static final String ASSIGNED = "assigned";
  private static final String QUARANTINED = "quarantined";
  private static final String RETIRED = "retired";

  private final DataSource dataSource;
  private final PersistenceUnit unit;
  private final InventoryImports imports;
  private final AuditTrail audit;

  /**
   * @param unit the persistence unit whose transactions reservations join (an order's)
   */
  public Inventory(DataSource dataSource, PersistenceUnit unit, Clock clock) {
    this.dataSource = dataSource;
    this.unit = unit;
    this.imports = new InventoryImports(dataSource, clock);
    this.audit = new AuditTrail(unit);
  }

  /**
   * Imports a CSV file of cards or numbers in one transaction: the good lines and the batch record
   * are stored together, or nothing is.
   *
   * @throws InvalidInventoryFileException when the file has no usable header
   * @throws InventoryConflictException when another import stored some of the same items meanwhile
   */
  public ImportReport importFile(InventoryKind kind, String source, Reader csv, Actor actor) {
    return imports.importFile(kind, source, csv, actor);
  }

  /**
   * What an order asks of the inventory: any number of the province, or the one the buyer picked.
   */
  public record Wanted(Province province, Optional<String> pickedMsisdn) {}

  /** A number and a card locked for an order, or why there is none. */
  public record Pick(Optional<Allocation> allocation, String shortage) {}

  /**
   * Locks a number and a card for each order of a batch, in the caller's transaction, without
   * changing them yet: {@link #hold} marks them reserved once the orders are stored. Rows other
   * orders in flight have locked are skipped, so batches proceed in parallel; a picked number is
   * waited for, and refused when that other order took it.
   *
   * @return one pick per order, in order
   */
  public List<Pick> pick(List<Wanted> orders) {
    EntityManager em = unit.transaction();
    List<Pick> picks = new ArrayList<>(Collections.nCopies(orders.size(), (Pick) null));
    Map<Province, List<Integer>> byProvince = new LinkedHashMap<>();
    for (int i = 0; i < orders.size(); i++) {
      byProvince.computeIfAbsent(orders.get(i).province(), p -> new ArrayList<>()).add(i);
    }
    for (var entry : byProvince.entrySet()) {
      Province province = entry.getKey();
      List<Integer> indexes = entry.getValue();
      String[] numbers = new String[indexes.size()];
      String[] shortages = new String[indexes.size()];
      Set<String> pickedHere = new HashSet<>();
      int anyNumber = 0;
      for (int j = 0; j < indexes.size(); j++) {
        Optional<String> picked = orders.get(indexes.get(j)).pickedMsisdn();
        if (picked.isEmpty()) {
          anyNumber++;
        } else if (pickedHere.add(picked.get()) && isAvailable(em, picked.get(), province)) {
          numbers[j] = picked.get();
        } else {
          shortages[j] = "number " + picked.get() + " is not available in " + province.name();
        }
      }
      List<Object[]> free =
          firstAvailable(em, "phone_number", "msisdn", "msisdn", province, anyNumber);
      int nextFree = 0;
      int withNumber = 0;
      for (int j = 0; j < indexes.size(); j++) {
        if (numbers[j] == null && shortages[j] == null) {
          if (nextFree < free.size()) {
            numbers[j] = (String) free.get(nextFree++)[0];
          } else {
            shortages[j] = "no number is available in " + province.name();
          }
        }
        withNumber += numbers[j] == null ? 0 : 1;
      }
      List<Object[]> cards = firstAvailable(em, "sim_card", "iccid", "imsi", province, withNumber);
      int nextCard = 0;
      for (int j = 0; j < indexes.size(); j++) {
        Optional<Allocation> allocation = Optional.empty();
        if (numbers[j] != null) {
          if (nextCard < cards.size()) {
            Object[] card = cards.get(nextCard++);
            allocation =
                Optional.of(new Allocation(numbers[j], (String) card[0], (String) card[1]));
          } else {
            shortages[j] = "no SIM card is available in " + province.name();
          }
        }
        picks.set(indexes.get(j), new Pick(allocation, shortages[j]));
      }
    }
    return picks;
  }

  private static boolean isAvailable(EntityManager em, String msisdn, Province province) {
    return !em.createNativeQuery(
            "SELECT msisdn FROM phone_number WHERE msisdn = ?1 AND province = ?2 AND status = ?3"
                + " FOR UPDATE",
            String.class)
        .setParameter(1, msisdn)
        .setParameter(2, province.name())
        .setParameter(3, AVAILABLE)
        .getResultList()
        .isEmpty();
  }

  /**
   * Locks up to {@code count} available rows of the province; returns their key and {@code also}.
   */
  private static List<Object[]> firstAvailable(
      EntityManager em, String table, String key, String also, Province province, int count) {
    if (count == 0) {
      return List.of();
    }
    // Locked rows belong to reservations in flight: skipping them lets buyers proceed in parallel.
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + key
                    + ", "
                    + also
                    + " FROM "
                    + table
                    + " WHERE province = ?1 AND status = ?2 ORDER BY "
                    + key
                    + " LIMIT ?3 FOR UPDATE SKIP LOCKED",
                Object[].class)
            .setParameter(1, province.name())
            .setParameter(2, AVAILABLE)
            .setParameter(3, count)
            .getResultList();
    return rows;
  }

  /**
   * Marks the numbers and cards {@link #pick} locked as reserved for their orders, in the caller's
   * transaction: one statement per table for the whole batch.
   */
  public void hold(Map<Long, Allocation> byOrder) {
    EntityManager em = unit.transaction();
    if (!byOrder.isEmpty()) {
      hold(em, "phone_number", "msisdn", byOrder, Allocation::msisdn);
      hold(em, "sim_card", "iccid", byOrder, Allocation::iccid);
    }
  }

  private static void hold(
      EntityManager em,
      String table,
      String key,
      Map<Long, Allocation> byOrder,
      Function<Allocation, String> keyOf) {
    StringBuilder sql = new StringBuilder("UPDATE " + table + " SET status = ?, order_id = CASE");
    List<Object> parameters = new ArrayList<>();
    parameters.add(RESERVED);
    for (var entry : byOrder.entrySet()) {
      sql.append(" WHEN ").append(key).append(" = ? THEN ?");
      parameters.add(keyOf.apply(entry.getValue()));
      parameters.add(entry.getKey());
    }
    sql.append(" END WHERE ").append(key).append(" IN (");
    sql.append(String.join(", ", Collections.nCopies(byOrder.size(), "?")));
    sql.append(") AND status = ?");
    byOrder.values().forEach(allocation -> parameters.add(keyOf.apply(allocation)));
    parameters.add(AVAILABLE);
    var update = em.createNativeQuery(sql.toString());
    for (int i = 0; i < parameters.size(); i++) {
      update.setParameter(i + 1, parameters.get(i));
    }
    int updated = update.executeUpdate();
    if (updated != byOrder.size()) {
      throw new IllegalStateException(
          updated + " of " + byOrder.size() + " locked " + table + " rows could be reserved");
    }
  }

  /**
   * Returns what an order reserved to the available stock, in the caller's transaction; a card that
   * was shipped to the buyer is quarantined instead.
   */
  public void release(long orderId, boolean cardWithBuyer) {
    EntityManager em = unit.transaction();
    free(em, "phone_number", orderId);
    if (cardWithBuyer) {
      em.createNativeQuery("UPDATE sim_card SET status = ?1 WHERE order_id = ?2 AND status = ?3")
          .setParameter(1, QUARANTINED)
          .setParameter(2, orderId)
          .setParameter(3, RESERVED)
          .executeUpdate();
    } else {
      free(em, "sim_card", orderId);
    }
  }

  private static void free(EntityManager em, String table, long orderId) {
    em.createNativeQuery(
            "UPDATE "
                + table
                + " SET status = ?1, order_id = NULL WHERE order_id = ?2 AND status = ?3")
        .setParameter(1, AVAILABLE)
        .setParameter(2, orderId)
        .setParameter(3, RESERVED)
        .executeUpdate();
  }

  /**
   * Takes back what a subscription held once it ends, in the caller's transaction: its number rests
   * in quarantine until {@code until} (audited), its card is retired.
   */
  public void retire(long orderId, Instant until, String reason, Actor actor, Instant at) {
    EntityManager em = unit.transaction();
    @SuppressWarnings("unchecked")
    List<String> numbers =
        em.createNativeQuery(
                "SELECT msisdn FROM phone_number WHERE order_id = ?1 AND status = ?2 FOR UPDATE",
                String.class)
            .setParameter(1, orderId)
            .setParameter(2, ASSIGNED)
            .getResultList();
    for (String msisdn : numbers) {
      em.createNativeQuery(
              "UPDATE phone_number SET status = ?1, quarantined_until = ?2 WHERE msisdn = ?3")
          .setParameter(1, QUARANTINED)
          .setParameter(2, until)
          .setParameter(3, msisdn)
          .executeUpdate();
      audit.record(
          AuditTrail.Subject.NUMBER,
          Long.parseLong(msisdn),
          Optional.of(ASSIGNED),
          QUARANTINED,
          actor,
          reason + "; on sale again from " + until,
          at);
    }
    em.createNativeQuery("UPDATE sim_card SET status = ?1 WHERE order_id = ?2 AND status = ?3")
        .setParameter(1, RETIRED)
        .setParameter(2, orderId)
        .setParameter(3, ASSIGNED)
        .executeUpdate();
  }

  /**
   * Puts numbers whose quarantine has ended back on sale, up to {@code atMost} at a time; several
   * engines may run this at once (rows another has locked are skipped).
   *
   * @return the numbers now on sale
   */
  public List<String> endQuarantines(Instant now, int atMost) {
    return unit.call(
        em -> {
          @SuppressWarnings("unchecked")
          List<String> due =
              em.createNativeQuery(
                      "SELECT msisdn FROM phone_number WHERE status = ?1"
                          + " AND quarantined_until <= ?2 ORDER BY quarantined_until LIMIT ?3"
                          + " FOR UPDATE SKIP LOCKED",
                      String.class)
                  .setParameter(1, QUARANTINED)
                  .setParameter(2, now)
                  .setParameter(3, atMost)
                  .getResultList();
          if (!due.isEmpty()) {
            em.createNativeQuery(
                    "UPDATE phone_number SET status = ?1, order_id = NULL, quarantined_until = NULL"
                        + " WHERE msisdn IN (?2)")
                .setParameter(1, AVAILABLE)
                .setParameter(2, due)
                .executeUpdate();
          }
          for (String msisdn : due) {
            audit.record(
                AuditTrail.Subject.NUMBER,
                Long.parseLong(msisdn),
                Optional.of(QUARANTINED),
                AVAILABLE,
                Actor.SYSTEM,
                "quarantine over; on sale again",
                now);
          }
          return List.copyOf(due);
        });
  }

  /** Every state change of a number since it was first taken, oldest first. */
  public List<AuditEntry> history(String msisdn) {
    return audit.of(AuditTrail.Subject.NUMBER, Long.parseLong(msisdn));
  }

  /** Marks what an order reserved as in service, in the caller's transaction. */
  public void assign(long orderId) {
    EntityManager em = unit.transaction();
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
                        + " SUM(status = 'assigned'), SUM(status = 'quarantined'),"
                        + " SUM(status = 'retired') FROM "
                        + table(kind)
                        + " GROUP BY province ORDER BY province");
            ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            levels.add(
                new StockLevel(
                    kind,
                    rows.getString(1),
                    rows.getLong(2),
                    rows.getLong(3),
                    rows.getLong(4),
                    rows.getLong(5),
                    rows.getLong(6)));
          }
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read the inventory: " + e.getMessage(), e);
    }
    return levels;
  }

  static String table(InventoryKind kind) {
    return kind == InventoryKind.SIM_CARD ? "sim_card" : "phone_number";
  }
}
