package io.simbundle.charging.store;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Usage;
import io.simbundle.charging.gy.CreditControlOutcome;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.ModuleSchema;
import io.simbundle.platform.database.PersistenceUnit;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * The charging-adapter's tables: accounts, answered requests and usage. A request's effects — the
 * account's new state, the request's answer and the usage it caused — are written in one
 * transaction, and the answer is sent only after it commits.
 */
public final class ChargingStore implements AutoCloseable {

  public static final ModuleSchema SCHEMA = new ModuleSchema("charging");

  private final PersistenceUnit persistence;
  private final Clock clock;

  private ChargingStore(PersistenceUnit persistence, Clock clock) {
    this.persistence = persistence;
    this.clock = clock;
  }

  public static ChargingStore open(Database database, Clock clock) {
    database.migrate(SCHEMA);
    return new ChargingStore(
        PersistenceUnit.create(database, SCHEMA, List.of(AccountEntity.class, RequestEntity.class)),
        clock);
  }

  public Optional<Account> account(String msisdn) {
    return persistence.call(
        em ->
            Optional.ofNullable(em.find(AccountEntity.class, msisdn))
                .map(row -> ChargingJson.read(row.state, Account.class)));
  }

  public Optional<String> msisdnOfImsi(String imsi) {
    return persistence.call(
        em ->
            em.createQuery(
                    "select a.msisdn from AccountEntity a where a.imsi = :imsi", String.class)
                .setParameter("imsi", imsi)
                .getResultStream()
                .findFirst());
  }

  /** The answer already given to this request, if any. */
  public Optional<CreditControlOutcome> answered(String sessionId, long requestNumber) {
    return persistence.call(
        em ->
            Optional.ofNullable(
                    em.find(RequestEntity.class, new RequestEntity.Key(sessionId, requestNumber)))
                .map(row -> ChargingJson.read(row.outcome, CreditControlOutcome.class)));
  }

  /**
   * The effects of one answered request, captured when it was decided: the account as it was then,
   * the answer, and the usage it caused.
   */
  public static final class Write {
    private final Optional<Snapshot> account;
    private final String sessionId;
    private final long requestNumber;
    private final String outcome;
    private final List<Usage> usage;

    private record Snapshot(String msisdn, String imsi, String state, Instant nextExpiry) {
      static Snapshot of(Account account) {
        return new Snapshot(
            account.profile().msisdn(),
            account.profile().imsi().orElse(null),
            ChargingJson.write(account),
            account.earliestExpiry().orElse(null));
      }
    }

    public Write(
        Optional<Account> account,
        String sessionId,
        long requestNumber,
        CreditControlOutcome outcome,
        List<Usage> usage) {
      this.account = account.map(Snapshot::of);
      this.sessionId = sessionId;
      this.requestNumber = requestNumber;
      this.outcome = outcome == null ? null : ChargingJson.write(outcome);
      this.usage = List.copyOf(usage);
    }
  }

  /** An account changed outside any request (a profile installed, reservations released). */
  public static Write accountOnly(Account account) {
    return new Write(Optional.of(account), null, 0, null, List.of());
  }

  /** Stores the effects of one answered request, atomically. */
  public void record(
      Optional<Account> account,
      String sessionId,
      long requestNumber,
      CreditControlOutcome outcome,
      List<Usage> usage) {
    recordAll(List.of(new Write(account, sessionId, requestNumber, outcome, usage)));
  }

  /**
   * Stores the effects of many answered requests in one transaction (group commit), as three JDBC
   * batches: the last snapshot of each account, the requests, and the usage summed per key.
   */
  public void recordAll(List<Write> writes) {
    Timestamp now = Timestamp.from(clock.instant());
    Map<String, Write.Snapshot> accounts = new LinkedHashMap<>();
    Map<UsageKey, Long> usage = new LinkedHashMap<>();
    for (Write write : writes) {
      write.account.ifPresent(
          a -> {
            accounts.put(a.msisdn(), a);
            for (Usage u : write.usage) {
              usage.merge(UsageKey.of(a.msisdn(), u), u.bytes(), Long::sum);
            }
          });
    }
    persistence.run(
        em ->
            em.unwrap(Session.class)
                .doWork(
                    connection -> {
                      writeAccounts(connection, accounts.values(), now);
                      writeRequests(connection, writes, now);
                      writeUsage(connection, usage);
                    }));
  }

  private static void writeAccounts(
      Connection connection, Collection<Write.Snapshot> accounts, Timestamp now)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO charging_account (msisdn, imsi, state, version, updated_at, next_expiry)"
                + " VALUES (?, ?, ?, 0, ?, ?) ON DUPLICATE KEY UPDATE imsi = VALUES(imsi),"
                + " state = VALUES(state), version = version + 1,"
                + " updated_at = VALUES(updated_at), next_expiry = VALUES(next_expiry)")) {
      for (Write.Snapshot account : accounts) {
        upsert.setString(1, account.msisdn());
        upsert.setString(2, account.imsi());
        upsert.setString(3, account.state());
        upsert.setTimestamp(4, now);
        upsert.setTimestamp(
            5, account.nextExpiry() == null ? null : Timestamp.from(account.nextExpiry()));
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  private static void writeRequests(Connection connection, List<Write> writes, Timestamp now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO charging_request"
                + " (session_id, request_number, msisdn, outcome, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      for (Write write : writes) {
        if (write.sessionId == null) {
          continue;
        }
        insert.setString(1, write.sessionId);
        insert.setLong(2, write.requestNumber);
        insert.setString(3, write.account.map(Write.Snapshot::msisdn).orElse(null));
        insert.setString(4, write.outcome);
        insert.setTimestamp(5, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void writeUsage(Connection connection, Map<UsageKey, Long> usage)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO charging_usage"
                + " (msisdn, day, rating_group, paid_by_kind, paid_by, partner_code, bytes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE bytes = bytes + VALUES(bytes)")) {
      for (Map.Entry<UsageKey, Long> entry : usage.entrySet()) {
        UsageKey key = entry.getKey();
        upsert.setString(1, key.msisdn());
        upsert.setDate(2, Date.valueOf(key.day()));
        upsert.setLong(3, key.ratingGroup());
        upsert.setString(4, key.kind());
        upsert.setString(5, key.paidBy());
        upsert.setString(6, key.partnerCode());
        upsert.setLong(7, entry.getValue());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  /** The key of a usage row. */
  private record UsageKey(
      String msisdn,
      LocalDate day,
      long ratingGroup,
      String kind,
      String paidBy,
      String partnerCode) {
    static UsageKey of(String msisdn, Usage usage) {
      return new UsageKey(
          msisdn,
          usage.day(),
          usage.ratingGroup(),
          usage.source().kind().name(),
          usage.source().reference(),
          usage.source().partnerCode());
    }
  }

  /** Subscribers holding a reservation whose Tcc has passed. */
  public List<String> withExpiredReservations(Instant now) {
    return persistence.call(
        em ->
            em.createQuery(
                    "select a.msisdn from AccountEntity a where a.nextExpiry <= :now", String.class)
                .setParameter("now", now)
                .setMaxResults(1000)
                .getResultList());
  }

  /** Zero-rated bytes per partner and privilege between two days (inclusive). */
  public List<Object[]> sponsoredBytes(LocalDate from, LocalDate to) {
    return persistence.call(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT partner_code, paid_by, SUM(bytes) FROM charging_usage"
                          + " WHERE paid_by_kind = 'ZERO_RATED' AND day BETWEEN ? AND ?"
                          + " GROUP BY partner_code, paid_by ORDER BY partner_code, paid_by")
                  .setParameter(1, Date.valueOf(from))
                  .setParameter(2, Date.valueOf(to))
                  .getResultList();
          return rows;
        });
  }

  public List<UsageRecord> usage(String msisdn) {
    return persistence.call(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT msisdn, day, rating_group, paid_by_kind, paid_by, partner_code, bytes"
                          + " FROM charging_usage WHERE msisdn = ?"
                          + " ORDER BY day, rating_group, paid_by_kind, paid_by")
                  .setParameter(1, msisdn)
                  .getResultList();
          return rows.stream()
              .map(
                  r ->
                      new UsageRecord(
                          (String) r[0],
                          r[1] instanceof Date date ? date.toLocalDate() : (LocalDate) r[1],
                          ((Number) r[2]).longValue(),
                          (String) r[3],
                          (String) r[4],
                          (String) r[5],
                          ((Number) r[6]).longValue()))
              .toList();
        });
  }

  @Override
  public void close() {
    persistence.close();
  }
}
