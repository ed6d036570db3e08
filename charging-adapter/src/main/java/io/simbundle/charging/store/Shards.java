package io.simbundle.charging.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Subscribers fall into a fixed number of shards, by a hash that every node and every version
 * computes alike (CRC-32 of the MSISDN's digits). The number is part of the stored data: the lease
 * table has one row per shard and each journal row names its shard, so it never changes.
 */
public final class Shards {

  /** How many shards there are; enough to spread over a few nodes evenly. */
  public static final int COUNT = 256;

  private Shards() {}

  /** The shard of a subscriber (an MSISDN). */
  public static int of(String subscriber) {
    CRC32 crc = new CRC32();
    crc.update(subscriber.getBytes(StandardCharsets.US_ASCII));
    return (int) (crc.getValue() % COUNT);
  }
}
