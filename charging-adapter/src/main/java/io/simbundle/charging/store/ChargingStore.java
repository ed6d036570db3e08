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

  /** Stores the effects of one answered request, atomically. */
  public void record(
      Optional<Account> account,
      String sessionId,
      long requestNumber,
      CreditControlOutcome outcome,
      List<Usage> usage) {
    persistence.run(
        em -> {
          account.ifPresent(a -> write(em, a));
          RequestEntity request = new RequestEntity();
          request.sessionId = sessionId;
          request.requestNumber = requestNumber;
          request.msisdn = account.map(a -> a.profile().msisdn()).orElse(null);
          request.outcome = ChargingJson.write(outcome);
          request.createdAt = clock.instant();
          em.persist(request);
          account.ifPresent(a -> usage.forEach(u -> addUsage(em, a.profile().msisdn(), u)));
        });
  }

  /** Subscribers holding a reservation whose Tcc has passed. */
  public List<String> withExpiredReservations(java.time.Instant now) {
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
    String msisdn = account.profile().msisdn();
    AccountEntity row = em.find(AccountEntity.class, msisdn);
    boolean isNew = row == null;
    if (isNew) {
      row = new AccountEntity();
      row.msisdn = msisdn;
    }
    row.imsi = account.profile().imsi().orElse(null);
    row.state = ChargingJson.write(account);
    row.nextExpiry = account.earliestExpiry().orElse(null);
    row.updatedAt = clock.instant();
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
