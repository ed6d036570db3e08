package io.simbundle.charging.store;

import io.simbundle.charging.account.Account;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The accounts in memory, each changed under its subscriber's lock. An account is loaded from its
 * latest committed state and stays in memory; it is dropped when what is in memory may be ahead of
 * what was committed (a decision or a group commit failed), so that the next request reloads it.
 */
public final class AccountCache implements GroupCommitter.AccountLocks {

  private static final int LOCK_STRIPES = 256;

  private final Checkpointer committed;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Object[] locks = new Object[LOCK_STRIPES];

  public AccountCache(Checkpointer committed) {
    this.committed = committed;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** Runs {@code work} on an account with no other work on the same subscriber running. */
  public <T> T withAccount(String msisdn, Function<Optional<Account>, T> work) {
    synchronized (lock(msisdn)) {
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

  private Object lock(String msisdn) {
    return locks[Math.floorMod(msisdn.hashCode(), LOCK_STRIPES)];
  }
}
