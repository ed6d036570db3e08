package io.simbundle.charging.cluster;

import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.ShardGate;
import io.simbundle.charging.store.Shards;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What this node knows of the shards: those it holds, each with its epoch and the local deadline
 * past which it stops deciding for it unless renewed, and who holds the others (for redirects).
 * Deadlines are on the monotonic clock, so a process stopped and resumed (SIGSTOP) finds its leases
 * lapsed, whatever the wall clock did.
 */
public final class ShardOwnership implements ShardGate {

  private record Held(long epoch, long deadlineNanos) {}

  private final String nodeId;
  private final AtomicReferenceArray<Held> held = new AtomicReferenceArray<>(Shards.COUNT);
  private volatile Map<Integer, LeaseTable.Node> owners = Map.of();

  public ShardOwnership(String nodeId) {
    this.nodeId = nodeId;
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

  /** The node holding a subscriber's shard, as last read from the lease table. */
  public Optional<LeaseTable.Node> ownerOf(int shard) {
    return Optional.ofNullable(owners.get(shard));
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
