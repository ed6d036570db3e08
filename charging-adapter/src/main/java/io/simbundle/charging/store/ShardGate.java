package io.simbundle.charging.store;

import java.util.OptionalLong;

/** Which shards this node may decide for now, and under which lease epoch. */
public interface ShardGate {

  /** The node's id, written with every journal row it appends. */
  String nodeId();

  /**
   * The epoch of this node's lease on a shard, or empty when it holds none — or may no longer hold
   * it because its lease could have lapsed since it was last renewed.
   */
  OptionalLong epochOf(int shard);
}
