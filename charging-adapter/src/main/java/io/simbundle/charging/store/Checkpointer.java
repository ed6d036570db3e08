package io.simbundle.charging.store;

import io.simbundle.charging.account.Account;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folds committed journal rows into the account and usage tables, in the background and in one
 * transaction per checkpoint, so a request's durable cost stays one journal insert. Until a row is
 * checkpointed, the latest committed state of the accounts it touched is served from here.
 */
public final class Checkpointer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Checkpointer.class);

  private final ChargingStore store;
  private final Clock clock;
  private final Duration journalRetention;
  private final Thread thread;
  private final Duration every;
  private final Object flushing = new Object();

  /** Committed, waiting for the next checkpoint. Guarded by {@code this}. */
  private PendingChanges pending = new PendingChanges();

  /** Being checkpointed now; still the latest committed state until that commits. */
  private volatile PendingChanges inCheckpoint = new PendingChanges();

  private volatile boolean running = true;

  /**
   * @param journalRetention how long applied journal rows are kept (the duplicate window)
   * @param every how often to checkpoint
   */
  public Checkpointer(ChargingStore store, Clock clock, Duration journalRetention, Duration every) {
    this.store = store;
    this.clock = clock;
    this.journalRetention = journalRetention;
    this.every = every;
    this.thread = new Thread(this::checkpointLoop, "gy-checkpointer");
    thread.setDaemon(true);
  }

  /**
   * Folds in what a crash left in the journal before anything else reads the accounts, then starts
   * checkpointing in the background.
   */
  public void recoverAndStart() {
    PendingChanges left = store.unappliedJournal();
    if (!left.isEmpty()) {
      store.checkpoint(left, clock.instant().minus(journalRetention));
      log.info(
          "replayed {} committed journal row(s) into {} account(s)",
          left.journalIds.size(),
          left.accounts.size());
    }
    thread.start();
  }

  /** A journal row has committed; its changes are the newest of their accounts. */
  synchronized void committed(long journalId, JournalBatch batch) {
    pending.add(journalId, batch);
  }

  /**
   * The latest committed state of an account: from a journal row not yet checkpointed, or stored.
   */
  public Optional<Account> latestAccount(String msisdn) {
    AccountSnapshot newest;
    synchronized (this) {
      newest = pending.accounts.get(msisdn);
    }
    if (newest == null) {
      newest = inCheckpoint.accounts.get(msisdn);
    }
    return newest != null ? Optional.of(newest.account()) : store.account(msisdn);
  }

  /** Checkpoints everything committed so far; on return the tables show it. */
  public void flush() {
    synchronized (flushing) {
      PendingChanges changes;
      synchronized (this) {
        if (pending.isEmpty()) {
          return;
        }
        changes = pending;
        inCheckpoint = changes;
        pending = new PendingChanges();
      }
      try {
        store.checkpoint(changes, clock.instant().minus(journalRetention));
      } catch (RuntimeException e) {
        synchronized (this) {
          pending.addOlder(changes);
        }
        throw e;
      } finally {
        inCheckpoint = new PendingChanges();
      }
    }
  }

  private void checkpointLoop() {
    while (running) {
      try {
        Thread.sleep(every.toMillis());
        flush();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("checkpoint failed, will retry: {}", e.getMessage());
      }
    }
  }

  /** Stops and checkpoints what is left. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
      flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.warn("final checkpoint failed; the journal replays it at the next start", e);
    }
  }
}
