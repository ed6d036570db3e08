package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.DatabaseFailures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for order placement: callers hand in their work and wait, writer threads each take
 * whatever is waiting (up to {@code maxBatch}) and settle it in one transaction. Under a burst the
 * commit, the connection and the round trips around it are shared by many orders; alone, an order
 * is written at once, as a batch of one.
 *
 * <p>When a batch's transaction fails (a deadlock, a duplicate delivery racing in another batch, a
 * lost connection), every item is settled again on its own, so one item cannot fail the others;
 * when the database cannot be reached at all, every item fails at once.
 *
 * <p>Gy has a group commit of its own ({@code charging.store.GroupCommitter}), and the two stay
 * apart on purpose: Gy's must never block the Diameter thread (it completes futures), must keep
 * each subscriber's writes in decision order across several writers, and after a failed batch must
 * fail every later write of the subscribers it touched (their accounts are ahead in memory); an
 * order's caller blocks anyway, orders carry no state in memory, and a failed batch is best settled
 * again order by order so one bad order cannot fail the rest. Shared code would be the queue and
 * the thread — the part that is easy — with two failure policies bolted on.
 *
 * @param <T> the work handed in
 * @param <R> its result
 */
final class OrderBatches<T, R> implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OrderBatches.class);
  private static final long WAIT_SECONDS = 60;

  private record Pending<T, R>(T work, CompletableFuture<R> result) {}

  private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
  private final Function<List<T>, List<R>> batch;
  private final Function<T, R> single;
  private final int maxBatch;
  private final List<Thread> writers = new ArrayList<>();
  private volatile boolean open = true;

  /**
   * @param batch settles a list of work in one transaction, a result per item in order
   * @param single settles one item on its own, after its batch failed
   */
  OrderBatches(
      String name,
      int writerCount,
      int maxBatch,
      Function<List<T>, List<R>> batch,
      Function<T, R> single) {
    this.batch = batch;
    this.single = single;
    this.maxBatch = maxBatch;
    for (int i = 0; i < writerCount; i++) {
      Thread writer = new Thread(this::write, name + "-" + i);
      writer.setDaemon(true);
      writers.add(writer);
      writer.start();
    }
  }

  /**
   * Settles {@code work} in the next batch and returns its result.
   *
   * @throws RuntimeException what settling it threw
   */
  R settle(T work) {
    if (!open) {
      throw new IllegalStateException("the order writers are stopped");
    }
    CompletableFuture<R> result = new CompletableFuture<>();
    queue.add(new Pending<>(work, result));
    try {
      return result.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the order was not written within " + WAIT_SECONDS + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the order was written", e);
    }
  }

  private void write() {
    List<Pending<T, R>> taken = new ArrayList<>(maxBatch);
    while (open || !queue.isEmpty()) {
      try {
        Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        taken.add(first);
        queue.drainTo(taken, maxBatch - 1);
        settle(taken);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException | Error e) {
        // settle() completes every future; anything escaping it is a bug, not a reason to stop.
        log.error("order writer failed", e);
        taken.forEach(p -> p.result().completeExceptionally(e));
      } finally {
        taken.clear();
      }
    }
  }

  private void settle(List<Pending<T, R>> taken) {
    List<R> results;
    try {
      results = batch.apply(taken.stream().map(Pending::work).toList());
    } catch (RuntimeException e) {
      if (DatabaseFailures.unreachable(e)) {
        // Settling each alone would only wait out the pool's timeout once per order.
        taken.forEach(p -> p.result().completeExceptionally(e));
        return;
      }
      log.debug(
          "batch of {} orders failed ({}); settling each on its own", taken.size(), e.toString());
      for (Pending<T, R> pending : taken) {
        try {
          pending.result().complete(single.apply(pending.work()));
        } catch (RuntimeException alone) {
          pending.result().completeExceptionally(alone);
        }
      }
      return;
    }
    for (int i = 0; i < taken.size(); i++) {
      taken.get(i).result().complete(results.get(i));
    }
  }

  @Override
  public void close() {
    open = false;
    for (Thread writer : writers) {
      try {
        writer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
