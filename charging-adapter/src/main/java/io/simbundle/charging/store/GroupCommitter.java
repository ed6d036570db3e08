package io.simbundle.charging.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the effects of many credit-control requests go to the journal as one row, so that
 * the cost of a durable commit is shared by every request waiting for it. Writes are spread over a
 * few writer threads by subscriber, each writing in arrival order, so the states of one subscriber
 * are stored in the order they were decided while several batches are in the database at once. A
 * request's future completes only once its batch has committed.
 *
 * <p>When a batch fails, the accounts it touched are ahead in memory of what is stored: they are
 * dropped (under the owner's account lock, see {@link AccountLocks}) and every write of theirs
 * queued before that fails too, so that nothing decided on a state that was never stored is
 * committed later.
 */
public final class GroupCommitter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  /** Runs an action while no request of the subscriber is being decided. */
  public interface AccountLocks {
    /** Forgets the subscriber's account in memory and runs {@code action}, under its lock. */
    void dropAccount(String subscriber, Runnable action);
  }

  private final List<Writer> writers = new ArrayList<>();

  /** The writes of one batch to one shard, in the order decided: one journal row. */
  private record Group(Integer shard, long epoch, List<Pending> pending) {
    static List<Group> byShard(List<Pending> batch) {
      // By shard and epoch: a lease lost and taken again within a batch makes two rows.
      Map<List<Object>, List<Pending>> byShard = new LinkedHashMap<>();
      for (Pending p : batch) {
        List<Object> key = p.shard() == null ? List.of() : List.of(p.shard(), p.epoch());
        byShard.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      }
      // In ascending shard order, the order every statement on the lease rows locks them in: the
      // fence's shared locks and a renewal's exclusive ones never wait for each other in a cycle.
      return byShard.values().stream()
          .map(pending -> new Group(pending.get(0).shard(), pending.get(0).epoch(), pending))
          .sorted(
              Comparator.comparing(
                  Group::shard, Comparator.nullsFirst(Comparator.<Integer>naturalOrder())))
          .toList();
    }

    JournalAppender.Row row() {
      return new JournalAppender.Row(
          shard, epoch, JournalBatch.of(pending.stream().map(Pending::write).toList()));
    }
  }

  private final ShardGate gate;

  public GroupCommitter(
      ChargingStore store,
      Checkpointer checkpointer,
      AccountLocks locks,
      ShardGate gate,
      int writerCount,
      int maxBatch) {
    this.gate = gate;
    for (int i = 0; i < writerCount; i++) {
      writers.add(
          new Writer(store, checkpointer, locks, gate, maxBatch, "gy-group-commit-" + (i + 1)));
    }
  }

  /**
   * Queues a write of a subscriber (or, without one, of a session); the future completes when it is
   * committed, or fails with its batch. Call it under the subscriber's account lock, so that writes
   * are queued in the order they were decided — but never wait for the future there: a failed batch
   * takes that lock. A write of an account carries the epoch of the node's lease on its shard,
   * taken now: it fails with {@link NotShardOwnerException} when the node holds none, or when the
   * database refuses it because the lease has passed to another node since.
   */
  public CompletableFuture<Void> submit(String subscriber, ChargingStore.Write write) {
    Writer writer = writers.get(Math.floorMod(subscriber.hashCode(), writers.size()));
    if (write.account().isEmpty()) {
      return writer.submit(subscriber, null, 0, write);
    }
    int shard = Shards.of(subscriber);
    OptionalLong epoch = gate.epochOf(shard);
    if (epoch.isEmpty()) {
      return CompletableFuture.failedFuture(
          new NotShardOwnerException(shard, "this node holds no lease on it"));
    }
    return writer.submit(subscriber, shard, epoch.getAsLong(), write);
  }

  @Override
  public void close() {
    writers.forEach(Writer::close);
  }

  /**
   * A write waiting for its batch.
   *
   * @param shard the subscriber's shard, or null for answers that touch no account
   * @param epoch the lease epoch the write was decided under
   */
  private record Pending(
      String subscriber,
      Integer shard,
      long epoch,
      long sequence,
      ChargingStore.Write write,
      CompletableFuture<Void> done) {}

  /** One writer thread and its queue. */
  private static final class Writer {
    private final JournalAppender appender;
    private final Checkpointer checkpointer;
    private final AccountLocks locks;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Deque<Pending> carried = new ArrayDeque<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    Writer(
        ChargingStore store,
        Checkpointer checkpointer,
        AccountLocks locks,
        ShardGate gate,
        int maxBatch,
        String name) {
      this.appender = store.journalAppender(gate.nodeId());
      this.checkpointer = checkpointer;
      this.locks = locks;
      this.maxBatch = maxBatch;
      this.thread = new Thread(this::writeLoop, name);
      thread.setDaemon(true);
      thread.start();
    }

    CompletableFuture<Void> submit(
        String subscriber, Integer shard, long epoch, ChargingStore.Write write) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      if (!running) {
        done.completeExceptionally(new IllegalStateException("the committer is stopped"));
        return done;
      }
      queue.add(new Pending(subscriber, shard, epoch, sequence.incrementAndGet(), write, done));
      return done;
    }

    private void writeLoop() {
      List<Pending> batch = new ArrayList<>(maxBatch);
      while (running || !queue.isEmpty() || !carried.isEmpty()) {
        while (!carried.isEmpty() && batch.size() < maxBatch) {
          batch.add(carried.poll());
        }
        if (batch.isEmpty()) {
          try {
            Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
            if (first == null) {
              continue;
            }
            batch.add(first);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
        queue.drainTo(batch, maxBatch - batch.size());
        commit(batch);
        batch.clear();
      }
      queue.forEach(p -> p.done().completeExceptionally(new IllegalStateException("stopped")));
      appender.close();
    }

    private void commit(List<Pending> batch) {
      List<Group> groups = Group.byShard(batch);
      try {
        append(groups);
        batch.forEach(p -> p.done().complete(null));
      } catch (JournalAppender.StaleEpochException stale) {
        // Rare: a lease changed hands. Rows go one by one, to refuse only the stale shards.
        List<Pending> refused = new ArrayList<>();
        RuntimeException failure = null;
        for (Group group : groups) {
          try {
            append(List.of(group));
            group.pending().forEach(p -> p.done().complete(null));
          } catch (JournalAppender.StaleEpochException e) {
            log.warn("the database refused writes of shard {}: its lease moved", group.shard());
            refused.addAll(group.pending());
          } catch (RuntimeException e) {
            failure = e;
            refused.addAll(group.pending());
          }
        }
        fail(refused, failure);
      } catch (RuntimeException e) {
        log.error("group commit of {} request(s) failed", batch.size(), e);
        fail(batch, e);
      }
    }

    private void append(List<Group> groups) {
      List<JournalAppender.Row> rows = groups.stream().map(Group::row).toList();
      List<Long> ids = appender.append(rows);
      for (int i = 0; i < rows.size(); i++) {
        JournalAppender.Row row = rows.get(i);
        if (row.shard() != null) {
          checkpointer.committed(row.shard(), row.epoch(), ids.get(i), row.batch());
        }
      }
    }

    /** Fails writes: with the error given, or (none given) as refused by the shard's fence. */
    private void fail(List<Pending> failed, RuntimeException error) {
      if (failed.isEmpty()) {
        return;
      }
      RuntimeException cause =
          error != null
              ? error
              : new NotShardOwnerException(
                  failed.get(0).shard(), "the database refused a write under a lapsed lease");
      // Dropped first, so that whoever sees the failure reads the committed state.
      failQueuedWritesOf(failed, cause);
      failed.forEach(
          p ->
              p.done()
                  .completeExceptionally(
                      error == null && p.shard() != null
                          ? new NotShardOwnerException(p.shard(), "lease lapsed before the commit")
                          : cause));
    }

    /**
     * Drops the failed batch's accounts from memory and fails the writes of theirs that were queued
     * before: those were decided on a state that is not stored. Later writes are kept.
     */
    private void failQueuedWritesOf(List<Pending> failed, RuntimeException cause) {
      Map<String, Long> droppedAt = new HashMap<>();
      for (Pending p : failed) {
        if (p.write().account().isPresent() && !droppedAt.containsKey(p.subscriber())) {
          locks.dropAccount(p.subscriber(), () -> droppedAt.put(p.subscriber(), sequence.get()));
        }
      }
      List<Pending> queued = new ArrayList<>(carried);
      carried.clear();
      queue.drainTo(queued);
      for (Pending p : queued) {
        Long cut = droppedAt.get(p.subscriber());
        if (cut != null && p.sequence() <= cut) {
          p.done().completeExceptionally(cause);
        } else {
          carried.add(p);
        }
      }
    }

    void close() {
      running = false;
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
