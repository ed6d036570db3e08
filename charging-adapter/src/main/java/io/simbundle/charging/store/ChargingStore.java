package io.simbundle.charging.store;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Usage;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.ModuleSchema;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.platform.json.Json;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * The charging-adapter's tables. Requests' effects — the accounts' new states, the answers and the
 * usage — are appended to a journal, one row per group commit, and the answers are sent only after
 * it commits; a checkpointer folds committed rows into the account and usage tables later.
 */
public final class ChargingStore implements AutoCloseable {

  public static final ModuleSchema SCHEMA = new ModuleSchema("charging");

  private final PersistenceUnit persistence;
  private final DataSource dataSource;
  private final Clock clock;

  private ChargingStore(PersistenceUnit persistence, DataSource dataSource, Clock clock) {
    this.persistence = persistence;
    this.dataSource = dataSource;
    this.clock = clock;
  }

  public static ChargingStore open(Database database, Clock clock) {
    database.migrate(SCHEMA);
    return new ChargingStore(
        PersistenceUnit.create(database, SCHEMA, List.of(AccountEntity.class)),
        database.dataSource(),
        clock);
  }

  public Optional<Account> account(String msisdn) {
    return persistence.call(
        em ->
            Optional.ofNullable(em.find(AccountEntity.class, msisdn))
                .map(row -> Json.readStored(row.state, Account.class)));
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

  /**
   * The effects of one decided request, captured when it was decided: the account as it was then,
   * the answer, and the usage it caused. Without a request it is an account changed outside any
   * request (a profile installed, reservations released).
   */
  public static final class Write {
    private final Optional<AccountSnapshot> account;
    private final Optional<AnsweredRequest> request;
    private final List<Usage> usage;
    private final List<DecisionKey.Counted> decisions;

    /**
     * @param decisions what was decided, with its reasons
     * @param decidedAt when
     */
    public Write(
        Optional<Account> account,
        Optional<AnsweredRequest> request,
        List<Usage> usage,
        List<Decision> decisions,
        Instant decidedAt) {
      this.account = account.map(AccountSnapshot::of);
      this.request = request;
      this.usage = List.copyOf(usage);
      this.decisions =
          account
              .map(
                  a ->
                      decisions.stream()
                          .map(d -> DecisionKey.Counted.of(a.profile(), decidedAt, d))
                          .toList())
              .orElse(List.of());
    }

    public static Write accountOnly(Account account) {
      return new Write(Optional.of(account), Optional.empty(), List.of(), List.of(), Instant.EPOCH);
    }

    Optional<AccountSnapshot> account() {
      return account;
    }

    Optional<AnsweredRequest> request() {
      return request;
    }

    List<Usage> usage() {
      return usage;
    }

    List<DecisionKey.Counted> decisions() {
      return decisions;
    }
  }

  /** A connection of its own for one group-commit writer of a node. */
  JournalAppender journalAppender(String nodeId) {
    return new JournalAppender(dataSource, clock, nodeId);
  }

  /**
   * Folds committed journal rows, per shard, into the account and usage tables and marks them
   * applied, in one transaction; deletes applied rows older than {@code pruneBefore}. A shard's
   * changes are folded only while the node still holds its lease under the epoch they were written
   * in — checked with the lease rows locked, so no takeover interleaves — and only when they are
   * whole.
   *
   * @return the shards whose changes were not folded
   */
  Set<Integer> checkpoint(
      Map<Integer, PendingChanges> changes, String nodeId, Instant pruneBefore) {
    Set<Integer> candidates = new HashSet<>();
    changes.forEach(
        (shard, pending) -> {
          if (!pending.foldFromJournal) {
            candidates.add(shard);
          }
        });
    // The lease rows are share-locked last, just before the commit: held through the whole fold,
    // they made every renewal wait for it, and every append queue behind that renewal.
    for (int attempt = 0; attempt < 3 && !candidates.isEmpty(); attempt++) {
      Set<Integer> trying = Set.copyOf(candidates);
      boolean committed =
          inTransaction(
              connection -> {
                PendingChanges folded = new PendingChanges(-1);
                trying.forEach(shard -> folded.addNewer(changes.get(shard)));
                JournalFold.apply(connection, folded, Timestamp.from(clock.instant()));
                Map<Integer, Long> current = JournalFold.lockLeases(connection, trying, nodeId);
                candidates.removeIf(
                    shard -> !Long.valueOf(changes.get(shard).epoch).equals(current.get(shard)));
                if (candidates.size() < trying.size()) {
                  // A lease moved: undo, and fold again without its shard.
                  connection.rollback();
                  return false;
                }
                return true;
              });
      if (committed) {
        break;
      }
    }
    prune(pruneBefore);
    Set<Integer> notFolded = new HashSet<>(changes.keySet());
    notFolded.removeAll(candidates);
    return notFolded;
  }

  private void prune(Instant before) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement prune =
            connection.prepareStatement(
                "DELETE FROM charging_journal WHERE applied AND created_at < ? LIMIT 10000")) {
      prune.setTimestamp(1, Timestamp.from(before));
      prune.executeUpdate();
    } catch (SQLException e) {
      throw new ChargingStoreException("cannot prune the charging journal", e);
    }
  }

  /**
   * Folds every journal row of the given shards not yet applied — left by the shards' earlier
   * owners, or by this node — in the order they were committed, while the node holds the shards
   * under the given epochs.
   *
   * @return how many rows were folded in
   */
  public int foldUnapplied(Map<Integer, Long> shardEpochs, String nodeId) {
    if (shardEpochs.isEmpty()) {
      return 0;
    }
    return inTransaction(
        connection -> {
          Map<Integer, Long> current =
              JournalFold.lockLeases(connection, shardEpochs.keySet(), nodeId);
          List<Integer> held =
              shardEpochs.entrySet().stream()
                  .filter(e -> e.getValue().equals(current.get(e.getKey())))
                  .map(Map.Entry::getKey)
                  .toList();
          if (held.isEmpty()) {
            return 0;
          }
          PendingChanges changes =
              JournalFold.lockedRows(
                  connection,
                  "SELECT id, entries FROM charging_journal FORCE INDEX (ix_charging_journal_shard)"
                      + " WHERE shard IN ("
                      + LeaseTable.placeholders(held.size())
                      + ") AND NOT applied ORDER BY id FOR UPDATE",
                  held.toArray());
          JournalFold.apply(connection, changes, Timestamp.from(clock.instant()));
          return changes.journalIds.size();
        });
  }

  /** Folds journal rows written before shards existed (a crash of an older version). */
  int foldUnshardedJournal() {
    return inTransaction(
        connection -> {
          PendingChanges changes =
              JournalFold.lockedRows(
                  connection,
                  "SELECT id, entries FROM charging_journal FORCE INDEX (ix_charging_journal_shard)"
                      + " WHERE shard IS NULL AND NOT applied ORDER BY id FOR UPDATE");
          JournalFold.apply(connection, changes, Timestamp.from(clock.instant()));
          return changes.journalIds.size();
        });
  }

  /**
   * The latest committed state of an account whose shard this node does not hold: the stored row,
   * or a newer state from a journal row its owner has not folded in yet. For reading only.
   */
  public Optional<Account> committedAccount(String msisdn) {
    List<AccountSnapshot> newest = new ArrayList<>();
    readJournal(
        "SELECT id, entries FROM charging_journal FORCE INDEX (ix_charging_journal_shard)"
            + " WHERE shard = ? AND NOT applied ORDER BY id",
        (long) Shards.of(msisdn),
        (id, batch) ->
            batch.accounts().stream().filter(a -> a.msisdn().equals(msisdn)).forEach(newest::add));
    return newest.isEmpty()
        ? account(msisdn)
        : Optional.of(newest.get(newest.size() - 1).account());
  }

  /**
   * The answers given in some shards within {@code window} of each shard's newest journal row — not
   * of now, so that a retransmission after a long outage still finds its answer.
   */
  public List<AnsweredRequest> recentAnswers(Collection<Integer> shards, Duration window) {
    List<AnsweredRequest> answers = new ArrayList<>();
    if (shards.isEmpty()) {
      return answers;
    }
    String in = LeaseTable.placeholders(shards.size());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT j.entries FROM charging_journal j JOIN (SELECT shard, MAX(created_at)"
                    + " AS newest FROM charging_journal WHERE shard IN ("
                    + in
                    + ") GROUP BY shard) n ON n.shard = j.shard"
                    + " WHERE j.created_at >= n.newest - INTERVAL ? SECOND ORDER BY j.id")) {
      int p = 1;
      for (int shard : shards) {
        select.setInt(p++, shard);
      }
      select.setLong(p, window.toSeconds());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          answers.addAll(Json.readStored(rows.getBytes(1), JournalAnswers.class).requests());
        }
      }
      return answers;
    } catch (SQLException e) {
      throw new ChargingStoreException("cannot read the charging journal", e);
    }
  }

  private void readJournal(String sql, Long parameter, BiConsumer<Long, JournalBatch> row) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      if (parameter != null) {
        select.setLong(1, parameter);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          row.accept(rows.getLong(1), Json.readStored(rows.getBytes(2), JournalBatch.class));
        }
      }
    } catch (SQLException e) {
      throw new ChargingStoreException("cannot read the charging journal", e);
    }
  }

  /** Work on one connection in one transaction. */
  private interface TransactionWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private <T> T inTransaction(TransactionWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ChargingStoreException("charging checkpoint failed", e);
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

  /**
   * Forgets up to {@code limit} decision records of hours that began before {@code before}.
   *
   * @return how many were forgotten
   */
  public int forgetDecisionsBefore(Instant before, int limit) {
    return persistence.call(
        em ->
            em.createNativeQuery("DELETE FROM charging_decision WHERE hour < ? LIMIT ?")
                .setParameter(1, Timestamp.from(before))
                .setParameter(2, limit)
                .executeUpdate());
  }

  /**
   * Forgets up to {@code limit} usage records of days before {@code before}.
   *
   * @return how many were forgotten
   */
  public int forgetUsageBefore(LocalDate before, int limit) {
    return persistence.call(
        em ->
            em.createNativeQuery("DELETE FROM charging_usage WHERE day < ? LIMIT ?")
                .setParameter(1, Date.valueOf(before))
                .setParameter(2, limit)
                .executeUpdate());
  }

  /** The decisions stored per subscriber and hour. */
  public DecisionRecords decisions() {
    return new DecisionRecords(dataSource);
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
