package io.simbundle.charging.store;

import io.simbundle.charging.account.Account;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The accounts in memory, each changed under its subscriber's lock. An account is loaded from its
 * latest committed state and stays in memory; it is dropped when what is in memory may be ahead of
 * what was committed (a decision or a group commit failed), so that the next request reloads it,
 * and when the node loses its shard. Only accounts of shards the node holds a lease on are used.
 */
public final class AccountCache implements GroupCommitter.AccountLocks {

  private static final int LOCK_STRIPES = 256;

  private final Checkpointer committed;
  private final ShardGate gate;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[LOCK_STRIPES];

  public AccountCache(Checkpointer committed, ShardGate gate) {
    this.committed = committed;
    this.gate = gate;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Runs {@code work} on an account with no other work on the same subscriber running.
   *
   * @throws NotShardOwnerException when the node holds no lease on the subscriber's shard
   */
  public <T> T withAccount(String msisdn, Function<Optional<Account>, T> work) {
    synchronized (lock(msisdn)) {
      int shard = Shards.of(msisdn);
      if (gate.epochOf(shard).isEmpty()) {
        accounts.remove(msisdn);
        throw new NotShardOwnerException(shard, "this node holds no lease on it");
      }
      try {
        Optional<Account> account =
            Optional.ofNullable(
                accounts.computeIfAbsent(msisdn, m -> committed.latestAccount(m).orElse(null)));
        return work.apply(account);
      } catch (RuntimeException e) {
        accounts.remove(msisdn);
        throw e;
      }
    }
  }

  /** Whether the account is in memory: using it needs no database read. */
  public boolean isLoaded(String msisdn) {
    return accounts.containsKey(msisdn);
  }

  @Override
  public void dropAccount(String subscriber, Runnable action) {
    synchronized (lock(subscriber)) {
      accounts.remove(subscriber);
      action.run();
    }
  }

  /** Forgets the accounts of a shard the node lost, each under its lock. */
  public void dropShard(int shard) {
    for (String msisdn : accounts.keySet()) {
      if (Shards.of(msisdn) == shard) {
        dropAccount(msisdn, () -> {});
      }
    }
  }

  private Object lock(String msisdn) {
    return locks[Math.floorMod(msisdn.hashCode(), LOCK_STRIPES)];
  }
}
