package io.simbundle.charging.gy;

import io.simbundle.charging.cluster.ShardOwnership;
import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.NotShardOwnerException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jdiameter.api.Answer;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.Request;

/**
 * Requests for subscribers whose shard this node does not decide for now: decided once this node's
 * take of the shard is over, when it is taking it; otherwise redirected to the node holding it, or
 * answered "too busy" while none does.
 */
final class OtherShards {

  private final ShardOwnership ownership;
  private final DiameterIdentity self;
  private final Executor loader;
  private final LongAdder sentElsewhere = new LongAdder();
  private final LongAdder waitedForTake = new LongAdder();

  /** How long a PCEF or agent may send a session's requests to the node it was redirected to. */
  private final Duration redirectCacheTime;

  OtherShards(
      ShardOwnership ownership,
      DiameterIdentity self,
      Duration redirectCacheTime,
      Executor loader) {
    this.ownership = ownership;
    this.self = self;
    this.redirectCacheTime = redirectCacheTime;
    this.loader = loader;
  }

  /** The failure a future completed with, unwrapped from its {@link CompletionException}. */
  static Throwable cause(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /**
   * A request for a shard this node is taking right now is decided again once the take is over
   * (within a lease), instead of being sent elsewhere: the node that holds the shard in the
   * database is this one, and any other would send it back here. Any other failure stands.
   */
  <T> CompletableFuture<T> afterTake(Throwable failure, Supplier<CompletableFuture<T>> decide) {
    Throwable cause = cause(failure);
    if (cause instanceof NotShardOwnerException notOwner) {
      Optional<CompletableFuture<Void>> taking = ownership.whenTaken(notOwner.shard());
      if (taking.isPresent()) {
        waitedForTake.increment();
        return taking
            .get()
            .copy()
            .orTimeout(redirectCacheTime.toMillis(), TimeUnit.MILLISECONDS)
            .handle((taken, late) -> null)
            .thenComposeAsync(ignored -> decide.get(), loader);
      }
    }
    return CompletableFuture.failedFuture(cause);
  }

  /**
   * The answer to a request for a subscriber whose shard another node holds: a redirect to that
   * node while it is alive, else "too busy" so that the PCEF tries another peer (and, after the
   * lease lapses, finds the new owner). Who holds the shard is read from the database, so off the
   * caller's (Diameter reader) thread.
   */
  CompletableFuture<Answer> elsewhere(Request request, int shard) {
    sentElsewhere.increment();
    return CompletableFuture.supplyAsync(
        () ->
            CreditControlAnswers.elsewhere(
                request,
                self,
                liveOtherOwner(shard).map(LeaseTable.Node::diameterUri),
                redirectCacheTime.toSeconds()),
        loader);
  }

  /**
   * Where an SMF is sent for a subscriber whose shard another node holds: that node's CHF apiRoot
   * while it is alive and serves one; empty otherwise (the SMF is told to try again).
   */
  CompletableFuture<Optional<String>> chfHolding(int shard) {
    sentElsewhere.increment();
    return CompletableFuture.supplyAsync(
        () -> liveOtherOwner(shard).flatMap(LeaseTable.Node::chfApiRoot), loader);
  }

  /** The live node other than this one holding the shard, as the lease table says. */
  private Optional<LeaseTable.Node> liveOtherOwner(int shard) {
    try {
      return ownership
          .currentOwnerOf(shard)
          .filter(LeaseTable.Node::alive)
          .filter(node -> !node.nodeId().equals(ownership.nodeId()));
    } catch (RuntimeException e) {
      // The database is out of reach: the client tries another node.
      return Optional.empty();
    }
  }

  static long resultCode(Answer answer) {
    try {
      return answer.getResultCode().getUnsigned32();
    } catch (AvpDataException e) {
      return 0;
    }
  }

  /** Requests answered with a redirect or "too busy" since the start. */
  long sentElsewhere() {
    return sentElsewhere.sum();
  }

  /** Requests that arrived while this node was taking their shard, and waited for it. */
  long waitedForTake() {
    return waitedForTake.sum();
  }
}
