package io.simbundle.charging.cluster;

import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.ShardGate;
import io.simbundle.charging.store.Shards;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What this node knows of the shards: those it holds, each with its epoch and the local deadline
 * past which it stops deciding for it unless renewed, and who holds the others (for redirects).
 * Deadlines are on the monotonic clock, so a process stopped and resumed (SIGSTOP) finds its leases
 * lapsed, whatever the wall clock did.
 */
public final class ShardOwnership implements ShardGate {

  private record Held(long epoch, long deadlineNanos) {}

  /** How long an owner read from the lease table is used for redirects. */
  private static final Duration OWNER_FRESHNESS = Duration.ofMillis(100);

  private record Looked(Optional<LeaseTable.Node> owner, long atNanos) {}

  private final String nodeId;
  private final LeaseTable table;
  private final Duration lease;
  private final AtomicReferenceArray<Looked> lookedUp = new AtomicReferenceArray<>(Shards.COUNT);
  private final AtomicReferenceArray<Held> held = new AtomicReferenceArray<>(Shards.COUNT);
  private volatile Map<Integer, LeaseTable.Node> owners = Map.of();

  /** A shard taken in the database whose earlier owner's rows are being folded in. */
  private record Taking(long epoch, CompletableFuture<Void> done) {}

  private final Map<Integer, Taking> taking = new ConcurrentHashMap<>();

  /**
   * @param lease a node is alive when it renewed within one lease
   */
  public ShardOwnership(String nodeId, LeaseTable table, Duration lease) {
    this.nodeId = nodeId;
    this.table = table;
    this.lease = lease;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public OptionalLong epochOf(int shard) {
    Held h = held.get(shard);
    return h != null && System.nanoTime() - h.deadlineNanos() < 0
        ? OptionalLong.of(h.epoch())
        : OptionalLong.empty();
  }

  /** The shards held now (not lapsed), in order. */
  public List<Integer> shards() {
    List<Integer> shards = new ArrayList<>();
    for (int shard = 0; shard < Shards.COUNT; shard++) {
      if (epochOf(shard).isPresent()) {
        shards.add(shard);
      }
    }
    return shards;
  }

  /**
   * The node holding a shard now, read from the lease table (at most every {@link #OWNER_FRESHNESS}
   * per shard): a redirect names the owner the database knows, not one this node heard of at its
   * last renewal, so that two nodes never send a request back and forth. Blocks: call it off the
   * Diameter reader threads.
   */
  public Optional<LeaseTable.Node> currentOwnerOf(int shard) {
    long now = System.nanoTime();
    Looked looked = lookedUp.get(shard);
    if (looked == null || now - looked.atNanos() > OWNER_FRESHNESS.toNanos()) {
      looked = new Looked(table.ownerOf(shard, lease), now);
      lookedUp.set(shard, looked);
    }
    return looked.owner();
  }

  /** How many shards a node held, as last read from the lease table. */
  public int shardsOf(String node) {
    return (int) owners.values().stream().filter(n -> n.nodeId().equals(node)).count();
  }

  /** The epoch a shard was last held under, lapsed or not. */
  OptionalLong lastEpochOf(int shard) {
    Held h = held.get(shard);
    return h == null ? OptionalLong.empty() : OptionalLong.of(h.epoch());
  }

  /** Whether a held shard's deadline has passed. */
  boolean lapsed(int shard) {
    Held h = held.get(shard);
    return h != null && System.nanoTime() - h.deadlineNanos() >= 0;
  }

  /**
   * When this node is taking the shard (its lease is this node's, what the earlier owner left is
   * being folded in): completes once the take is over, whether the node then decides for the shard
   * or not. A request that arrives meanwhile waits for it rather than be sent elsewhere.
   */
  public Optional<CompletableFuture<Void>> whenTaken(int shard) {
    Taking t = taking.get(shard);
    return t == null ? Optional.empty() : Optional.of(t.done());
  }

  /** The shards being taken, with the epochs they were taken under. */
  Map<Integer, Long> taking() {
    Map<Integer, Long> epochs = new HashMap<>();
    taking.forEach((shard, t) -> epochs.put(shard, t.epoch()));
    return epochs;
  }

  void taking(int shard, long epoch) {
    taking.put(shard, new Taking(epoch, new CompletableFuture<>()));
  }

  void taken(int shard) {
    Taking t = taking.remove(shard);
    if (t != null) {
      t.done().complete(null);
    }
  }

  void hold(int shard, long epoch, long deadlineNanos) {
    held.set(shard, new Held(epoch, deadlineNanos));
  }

  void drop(int shard) {
    held.set(shard, null);
  }

  void owners(Map<Integer, LeaseTable.Node> owners) {
    this.owners = Map.copyOf(owners);
  }
}
