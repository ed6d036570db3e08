package io.simbundle.charging.store;

/**
 * A subscriber's shard is not this node's (any more): it decided nothing for the subscriber, or
 * what it decided was refused by the database because another node took the shard over.
 */
public final class NotShardOwnerException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int shard;

  public NotShardOwnerException(int shard, String why) {
    super("shard " + shard + ": " + why);
    this.shard = shard;
  }

  public int shard() {
    return shard;
  }
}
