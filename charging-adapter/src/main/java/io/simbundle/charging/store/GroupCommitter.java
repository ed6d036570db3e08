package io.simbundle.charging.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: the effects of many credit-control requests go to the database in one transaction,
 * so that the cost of a durable commit is shared by every request waiting for it. Writes are spread
 * over a few writer threads by subscriber, each writing in arrival order, so the account snapshots
 * of one subscriber are stored in the order they were decided while several batches are in the
 * database at once. A request's future completes only once its batch has committed.
 */
public final class GroupCommitter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);

  private final List<Writer> writers = new ArrayList<>();

  public GroupCommitter(ChargingStore store, int writerCount, int maxBatch) {
    for (int i = 0; i < writerCount; i++) {
      writers.add(new Writer(store, maxBatch, "gy-group-commit-" + (i + 1)));
    }
  }

  /**
   * Queues a write of a subscriber (or, without one, of a session); the future completes when it is
   * committed, or fails with its batch.
   */
  public CompletableFuture<Void> submit(String subscriber, ChargingStore.Write write) {
    return writers.get(Math.floorMod(subscriber.hashCode(), writers.size())).submit(write);
  }

  @Override
  public void close() {
    writers.forEach(Writer::close);
  }

  private record Pending(ChargingStore.Write write, CompletableFuture<Void> committed) {}

  /** One writer thread and its queue. */
  private static final class Writer {
    private final ChargingStore store;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    Writer(ChargingStore store, int maxBatch, String name) {
      this.store = store;
      this.maxBatch = maxBatch;
      this.thread = new Thread(this::writeLoop, name);
      thread.setDaemon(true);
      thread.start();
    }

    CompletableFuture<Void> submit(ChargingStore.Write write) {
      CompletableFuture<Void> committed = new CompletableFuture<>();
      if (!running) {
        committed.completeExceptionally(new IllegalStateException("the committer is stopped"));
        return committed;
      }
      queue.add(new Pending(write, committed));
      return committed;
    }

    private void writeLoop() {
      List<Pending> batch = new ArrayList<>(maxBatch);
      while (running || !queue.isEmpty()) {
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
        queue.drainTo(batch, maxBatch - 1);
        try {
          store.recordAll(batch.stream().map(Pending::write).toList());
          batch.forEach(p -> p.committed().complete(null));
        } catch (RuntimeException e) {
          log.error("group commit of {} request(s) failed", batch.size(), e);
          batch.forEach(p -> p.committed().completeExceptionally(e));
        }
        batch.clear();
      }
      queue.forEach(
          p -> p.committed().completeExceptionally(new IllegalStateException("committer stopped")));
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
