package io.simbundle.charging.store;

import io.simbundle.charging.account.Account;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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

  private final ShardGate gate;

  /** Committed, waiting for the next checkpoint, per shard. Guarded by {@code this}. */
  private Map<Integer, PendingChanges> pending = new HashMap<>();

  /** Being checkpointed now; still the latest committed state until that commits. */
  private volatile Map<Integer, PendingChanges> inCheckpoint = Map.of();

  private volatile boolean running = true;

  /**
   * @param journalRetention how long applied journal rows are kept (the duplicate window)
   * @param every how often to checkpoint
   */
  public Checkpointer(
      ChargingStore store, ShardGate gate, Clock clock, Duration journalRetention, Duration every) {
    this.store = store;
    this.gate = gate;
    this.clock = clock;
    this.journalRetention = journalRetention;
    this.every = every;
    this.thread = new Thread(this::checkpointLoop, "gy-checkpointer");
    thread.setDaemon(true);
  }

  /**
   * Folds in what a version without shards left in the journal, then starts checkpointing in the
   * background. What a node left of a shard is folded in by whoever takes the shard next.
   */
  public void recoverAndStart() {
    int rows = store.foldUnshardedJournal();
    if (rows > 0) {
      log.info("replayed {} committed journal row(s) written before shards", rows);
    }
    thread.start();
  }

  /** A journal row has committed; its changes are the newest of their accounts. */
  synchronized void committed(int shard, long epoch, long journalId, JournalBatch batch) {
    if (!Long.valueOf(epoch).equals(currentEpoch(shard))) {
      // Committed under a lease the node has lost since (or let lapse here): whoever takes the
      // shard next, this node included, folds the row in from the journal. Kept here, it could be
      // served later as the latest state while another node's newer one is stored.
      return;
    }
    PendingChanges changes = pending.computeIfAbsent(shard, s -> new PendingChanges(epoch));
    if (changes.epoch != epoch) {
      // The lease changed hands within one checkpoint period: let the journal tell the order.
      changes.foldFromJournal = true;
      changes.epoch = Math.max(changes.epoch, epoch);
    }
    changes.add(journalId, batch);
  }

  /** Forgets what is waiting for a shard the node lost: its next owner folds it in. */
  public synchronized void forgetShard(int shard) {
    pending.remove(shard);
  }

  /**
   * The latest committed state of an account: from a journal row not yet checkpointed, or stored.
   */
  public Optional<Account> latestAccount(String msisdn) {
    int shard = Shards.of(msisdn);
    Long epoch = currentEpoch(shard);
    AccountSnapshot newest;
    synchronized (this) {
      newest = newestOf(pending.get(shard), epoch, msisdn);
    }
    if (newest == null) {
      newest = newestOf(inCheckpoint.get(shard), epoch, msisdn);
    }
    return newest != null ? Optional.of(newest.account()) : store.account(msisdn);
  }

  /** Only changes of the node's current lease on the shard are the latest. */
  private static AccountSnapshot newestOf(PendingChanges changes, Long epoch, String msisdn) {
    return changes == null || changes.foldFromJournal || !Long.valueOf(changes.epoch).equals(epoch)
        ? null
        : changes.accounts.get(msisdn);
  }

  private Long currentEpoch(int shard) {
    OptionalLong epoch = gate.epochOf(shard);
    return epoch.isPresent() ? epoch.getAsLong() : null;
  }

  /** Checkpoints everything committed so far; on return the tables show it. */
  public void flush() {
    synchronized (flushing) {
      Map<Integer, PendingChanges> changes;
      synchronized (this) {
        if (pending.isEmpty()) {
          return;
        }
        changes = pending;
        inCheckpoint = changes;
        pending = new HashMap<>();
      }
      try {
        Set<Integer> notFolded =
            store.checkpoint(changes, gate.nodeId(), clock.instant().minus(journalRetention));
        // Shards whose changes here cannot be trusted to be whole: folded from the journal if they
        // are still this node's, else left to their new owner.
        Map<Integer, Long> stillOwned = new HashMap<>();
        for (int shard : notFolded) {
          gate.epochOf(shard).ifPresent(epoch -> stillOwned.put(shard, epoch));
        }
        store.foldUnapplied(stillOwned, gate.nodeId());
      } catch (RuntimeException e) {
        synchronized (this) {
          changes.forEach(
              (shard, older) -> {
                PendingChanges newer = pending.get(shard);
                if (newer == null) {
                  pending.put(shard, older);
                } else {
                  newer.addOlder(older);
                }
              });
        }
        throw e;
      } finally {
        inCheckpoint = Map.of();
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
