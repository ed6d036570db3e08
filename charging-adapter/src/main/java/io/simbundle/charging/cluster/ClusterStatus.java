package io.simbundle.charging.cluster;

import java.util.List;

/**
 * A node's view of the charging cluster.
 *
 * @param nodeId this node
 * @param shards the shards it decides for now
 * @param peers the nodes registered on the database, this one included
 * @param acquisitions shards taken since the start (free, given back, or taken over)
 * @param takeovers shards taken from a node whose lease lapsed
 * @param losses shards lost because a lease lapsed or was taken
 * @param releases shards given back to other nodes
 * @param lastTakeoverMicros how long after its lease lapsed the last shard taken over was taken, or
 *     -1
 */
public record ClusterStatus(
    String nodeId,
    List<Integer> shards,
    List<Peer> peers,
    long acquisitions,
    long takeovers,
    long losses,
    long releases,
    long lastTakeoverMicros) {

  public ClusterStatus {
    shards = List.copyOf(shards);
    peers = List.copyOf(peers);
  }

  /**
   * A node as the lease table knows it; alive when it renewed within a lease.
   *
   * @param shards how many shards it held at this node's last renewal
   */
  public record Peer(String nodeId, String diameterUri, boolean alive, int shards) {}
}
