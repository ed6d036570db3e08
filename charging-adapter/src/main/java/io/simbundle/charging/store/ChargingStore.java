package io.simbundle.charging.store;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Usage;
import io.simbundle.charging.gy.CreditControlOutcome;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.ModuleSchema;
import io.simbundle.platform.database.PersistenceUnit;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

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

  /** Stores an account as it is now (a new one, or one changed outside any request). */
  public void save(Account account) {
    persistence.run(em -> write(em, account));
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

  /** Stores the effects of many answered requests in one transaction (group commit). */
  public void recordAll(List<Write> writes) {
    persistence.run(
        em -> {
          Instant now = clock.instant();
          for (Write write : writes) {
            write.account.ifPresent(a -> write(em, a, now));
            if (write.sessionId == null) {
              continue;
            }
            RequestEntity request = new RequestEntity();
            request.sessionId = write.sessionId;
            request.requestNumber = write.requestNumber;
            request.msisdn = write.account.map(Write.Snapshot::msisdn).orElse(null);
            request.outcome = write.outcome;
            request.createdAt = now;
            em.persist(request);
            write.account.ifPresent(a -> write.usage.forEach(u -> addUsage(em, a.msisdn(), u)));
          }
        });
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

  private void write(EntityManager em, Account account) {
    write(em, Write.Snapshot.of(account), clock.instant());
  }

  private static void write(EntityManager em, Write.Snapshot account, Instant now) {
    AccountEntity row = em.find(AccountEntity.class, account.msisdn());
    boolean isNew = row == null;
    if (isNew) {
      row = new AccountEntity();
      row.msisdn = account.msisdn();
    }
    row.imsi = account.imsi();
    row.state = account.state();
    row.nextExpiry = account.nextExpiry();
    row.updatedAt = now;
    if (isNew) {
      em.persist(row);
    }
  }

  private static void addUsage(EntityManager em, String msisdn, Usage usage) {
    em.createNativeQuery(
            "INSERT INTO charging_usage"
                + " (msisdn, day, rating_group, paid_by_kind, paid_by, partner_code, bytes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE bytes = bytes + VALUES(bytes)")
        .setParameter(1, msisdn)
        .setParameter(2, Date.valueOf(usage.day()))
        .setParameter(3, usage.ratingGroup())
        .setParameter(4, usage.source().kind().name())
        .setParameter(5, usage.source().reference())
        .setParameter(6, usage.source().partnerCode())
        .setParameter(7, usage.bytes())
        .executeUpdate();
  }

  @Override
  public void close() {
    persistence.close();
  }
}
