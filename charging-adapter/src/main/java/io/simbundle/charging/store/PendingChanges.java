package io.simbundle.charging.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Committed journal rows not yet folded into the account and usage tables: the latest state of each
 * account they touched, the usage they add, and their ids. Not thread-safe.
 */
final class PendingChanges {
  final Map<String, AccountSnapshot> accounts = new HashMap<>();
  final Map<UsageKey, Long> usage = new HashMap<>();
  final List<Long> journalIds = new ArrayList<>();

  /** Adds a row committed after everything already here. */
  void add(long journalId, JournalBatch batch) {
    journalIds.add(journalId);
    batch.accounts().forEach(account -> accounts.put(account.msisdn(), account));
    batch.usage().forEach(delta -> usage.merge(delta.key(), delta.bytes(), Long::sum));
  }

  /** Takes back changes committed before everything here (a checkpoint that failed). */
  void addOlder(PendingChanges older) {
    older.accounts.forEach(accounts::putIfAbsent);
    older.usage.forEach((key, bytes) -> usage.merge(key, bytes, Long::sum));
    journalIds.addAll(older.journalIds);
  }

  boolean isEmpty() {
    return journalIds.isEmpty();
  }
}
