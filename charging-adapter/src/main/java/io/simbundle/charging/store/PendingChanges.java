package io.simbundle.charging.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Committed journal rows of one shard not yet folded into the account and usage tables: the latest
 * state of each account they touched, the usage they add, their ids, and the lease epoch they were
 * written under. Not thread-safe.
 */
final class PendingChanges {
  final Map<String, AccountSnapshot> accounts = new HashMap<>();
  final Map<UsageKey, Long> usage = new HashMap<>();
  final Map<DecisionKey, DecisionKey.Counted> decisions = new HashMap<>();
  final List<Long> journalIds = new ArrayList<>();

  /** The epoch of the rows; -1 when mixed or unknown. */
  long epoch;

  /**
   * Whether what is here may be incomplete (rows of two epochs met, a failed checkpoint gave some
   * back): the shard is then folded from the journal itself.
   */
  boolean foldFromJournal;

  PendingChanges(long epoch) {
    this.epoch = epoch;
  }

  /** Adds a row committed after everything already here. */
  void add(long journalId, JournalBatch batch) {
    journalIds.add(journalId);
    batch.accounts().forEach(account -> accounts.put(account.msisdn(), account));
    batch.usage().forEach(delta -> usage.merge(delta.key(), delta.bytes(), Long::sum));
    batch.decisions().forEach(this::count);
  }

  /** Adds changes committed after everything already here. */
  void addNewer(PendingChanges newer) {
    accounts.putAll(newer.accounts);
    newer.usage.forEach((key, bytes) -> usage.merge(key, bytes, Long::sum));
    newer.decisions.values().forEach(this::count);
    journalIds.addAll(newer.journalIds);
  }

  /** Takes back changes committed before everything here (a checkpoint that failed). */
  void addOlder(PendingChanges older) {
    older.accounts.forEach(accounts::putIfAbsent);
    older.usage.forEach((key, bytes) -> usage.merge(key, bytes, Long::sum));
    older.decisions.values().forEach(this::count);
    journalIds.addAll(older.journalIds);
    if (older.epoch != epoch || older.foldFromJournal) {
      foldFromJournal = true;
    }
  }

  private void count(DecisionKey.Counted counted) {
    decisions.merge(counted.key(), counted, DecisionKey.Counted::plus);
  }

  boolean isEmpty() {
    return journalIds.isEmpty();
  }
}
