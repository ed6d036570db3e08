package io.simbundle.charging.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node takes part in the cluster of charging nodes on one database.
 *
 * @param nodeId the node's id, unique in the cluster; a node restarting under its id takes its
 *     earlier incarnation's shards back at once
 * @param lease how long a shard lease lasts unrenewed: a dead node's shards are taken this long
 *     after its last renewal at the latest
 * @param renewEvery how often leases are renewed and free shards looked for
 */
public record ClusterSettings(String nodeId, Duration lease, Duration renewEvery) {

  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(5);
  public static final Duration DEFAULT_RENEW_EVERY = Duration.ofSeconds(1);

  public ClusterSettings {
    Objects.requireNonNull(nodeId);
    if (nodeId.isBlank() || nodeId.length() > 64) {
      throw new IllegalArgumentException("a node id has 1 to 64 characters: " + nodeId);
    }
    if (renewEvery.isNegative() || renewEvery.isZero()) {
      throw new IllegalArgumentException("the renewal period must be positive");
    }
    if (lease.compareTo(renewEvery.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException(
          "a lease (" + lease + ") must last at least two renewal periods (" + renewEvery + ")");
    }
  }

  /** A node with the default lease timings. */
  public static ClusterSettings node(String nodeId) {
    return new ClusterSettings(nodeId, DEFAULT_LEASE, DEFAULT_RENEW_EVERY);
  }

  /**
   * How long after a renewal the node still decides for a shard: less than the lease by one renewal
   * period, so that it stops before the database could let another node take the shard, even when
   * its clock runs a little fast or a renewal reached the database late.
   */
  Duration localValidity() {
    return lease.minus(renewEvery);
  }
}
