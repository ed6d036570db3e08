package io.simbundle.charging.store;

import io.simbundle.charging.account.Usage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One journal row: what a group of answered requests changed. Only the last state of each account
 * is kept, and usage is summed per key, so a busy subscriber costs one snapshot per batch.
 *
 * @param accounts the accounts' states after the batch, in the order first seen
 * @param requests the answers given, in the order decided
 * @param usage the usage caused, summed per key
 * @param decisions what was decided and why, counted per key
 */
record JournalBatch(
    List<AccountSnapshot> accounts,
    List<AnsweredRequest> requests,
    List<UsageDelta> usage,
    List<DecisionKey.Counted> decisions) {

  JournalBatch {
    // Rows journaled before decisions were recorded have none.
    decisions = decisions == null ? List.of() : decisions;
  }

  /** Bytes to add to one usage row. */
  record UsageDelta(UsageKey key, long bytes) {}

  static JournalBatch of(List<ChargingStore.Write> writes) {
    Map<String, AccountSnapshot> accounts = new LinkedHashMap<>();
    Map<UsageKey, Long> usage = new LinkedHashMap<>();
    List<AnsweredRequest> requests = new ArrayList<>();
    Map<DecisionKey, DecisionKey.Counted> decisions = new LinkedHashMap<>();
    for (ChargingStore.Write write : writes) {
      write.request().ifPresent(requests::add);
      write.decisions().forEach(d -> decisions.merge(d.key(), d, DecisionKey.Counted::plus));
      write
          .account()
          .ifPresent(
              account -> {
                accounts.put(account.msisdn(), account);
                for (Usage u : write.usage()) {
                  usage.merge(UsageKey.of(account.msisdn(), u), u.bytes(), Long::sum);
                }
              });
    }
    return new JournalBatch(
        List.copyOf(accounts.values()),
        requests,
        usage.entrySet().stream().map(e -> new UsageDelta(e.getKey(), e.getValue())).toList(),
        List.copyOf(decisions.values()));
  }
}
