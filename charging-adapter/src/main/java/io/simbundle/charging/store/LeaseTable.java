package io.simbundle.charging.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The shard leases and the nodes, in the database. Every expiry is computed and compared with the
 * database server's clock ({@code NOW(6)}), never a node's, so nodes whose clocks differ still
 * agree on when a lease lapses.
 */
public final class LeaseTable {

  /**
   * A node of the cluster, as it registered itself.
   *
   * @param chfApiRoot where it serves SMFs as a CHF, when it does
   */
  public record Node(
      String nodeId,
      String diameterHost,
      String diameterUri,
      Optional<String> chfApiRoot,
      boolean alive) {}

  /** A shard's current lease. */
  public record Lease(int shard, String owner, long epoch) {}

  /** A shard this node just took: from nobody, or from a node whose lease lapsed. */
  public record Taken(int shard, long epoch, String takenFrom, long takenAfterMicros) {}

  private final DataSource dataSource;

  public LeaseTable(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Registers (or re-registers, after a restart) a node and its Diameter identity. */
  public void register(String nodeId, String diameterHost, String diameterUri) {
    update(
        "INSERT INTO charging_node (node_id, diameter_host, diameter_uri, started_at, last_seen)"
            + " VALUES (?, ?, ?, NOW(6), NOW(6)) ON DUPLICATE KEY UPDATE"
            + " diameter_host = VALUES(diameter_host), diameter_uri = VALUES(diameter_uri),"
            + " started_at = NOW(6), last_seen = NOW(6)",
        nodeId,
        diameterHost,
        diameterUri);
  }

  /** Says where the node serves SMFs as a CHF, once it does: other nodes redirect there. */
  public void advertiseChf(String nodeId, String apiRoot) {
    update("UPDATE charging_node SET chf_api_root = ? WHERE node_id = ?", apiRoot, nodeId);
  }

  /**
   * Takes back, under new epochs, the shards a node's earlier incarnation held: a node restarting
   * under its id presumes its predecessor dead and need not wait for the leases to lapse.
   */
  public List<Taken> takeBackFromEarlierIncarnation(String nodeId, Duration lease) {
    update(
        "UPDATE charging_shard_lease SET epoch = epoch + 1, taken_from = owner,"
            + " taken_after_us = 0, expires_at = NOW(6) + INTERVAL ? MICROSECOND,"
            + " changed_at = NOW(6) WHERE owner = ?",
        micros(lease),
        nodeId);
    return owned(nodeId).stream().map(l -> new Taken(l.shard(), l.epoch(), nodeId, 0)).toList();
  }

  /**
   * Renews the node's unexpired leases on {@code shards} and writes its heartbeat. Expired leases
   * are not renewed: the node may have stopped deciding for them, and takes them again under a new
   * epoch.
   */
  public void renew(String nodeId, Collection<Integer> shards, Duration lease) {
    update("UPDATE charging_node SET last_seen = NOW(6) WHERE node_id = ?", nodeId);
    if (shards.isEmpty()) {
      return;
    }
    // By primary key, in ascending order: only the node's own rows are locked, in the order the
    // journal's fence locks them.
    List<Object> parameters = new ArrayList<>(List.of(micros(lease), nodeId));
    shards.stream().sorted().forEach(parameters::add);
    update(
        "UPDATE charging_shard_lease SET expires_at = NOW(6) + INTERVAL ? MICROSECOND"
            + " WHERE owner = ? AND expires_at > NOW(6) AND shard IN ("
            + placeholders(shards.size())
            + ") ORDER BY shard",
        parameters.toArray());
  }

  /**
   * Takes up to {@code count} shards that nobody holds or whose lease lapsed, each under an epoch
   * one higher than the last.
   */
  public List<Taken> takeFree(String nodeId, int count, Duration lease) {
    if (count <= 0) {
      return List.of();
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        List<Integer> free = new ArrayList<>();
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT shard FROM charging_shard_lease"
                    + " WHERE owner IS NULL OR expires_at <= NOW(6)"
                    + " ORDER BY shard LIMIT ? FOR UPDATE SKIP LOCKED")) {
          select.setInt(1, count);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              free.add(rows.getInt(1));
            }
          }
        }
        List<Taken> taken = new ArrayList<>();
        if (!free.isEmpty()) {
          String in = placeholders(free.size());
          try (PreparedStatement take =
              connection.prepareStatement(
                  // Assignments run left to right: taken_from and taken_after_us read the old row.
                  "UPDATE charging_shard_lease SET taken_from = owner,"
                      + " taken_after_us = IF(owner IS NULL, NULL,"
                      + " TIMESTAMPDIFF(MICROSECOND, expires_at, NOW(6))),"
                      + " owner = ?, epoch = epoch + 1,"
                      + " expires_at = NOW(6) + INTERVAL ? MICROSECOND, changed_at = NOW(6)"
                      + " WHERE shard IN ("
                      + in
                      + ")")) {
            take.setString(1, nodeId);
            take.setLong(2, micros(lease));
            for (int i = 0; i < free.size(); i++) {
              take.setInt(3 + i, free.get(i));
            }
            take.executeUpdate();
          }
          try (PreparedStatement read =
              connection.prepareStatement(
                  "SELECT shard, epoch, taken_from, taken_after_us FROM charging_shard_lease"
                      + " WHERE shard IN ("
                      + in
                      + ")")) {
            for (int i = 0; i < free.size(); i++) {
              read.setInt(1 + i, free.get(i));
            }
            try (ResultSet rows = read.executeQuery()) {
              while (rows.next()) {
                taken.add(
                    new Taken(rows.getInt(1), rows.getLong(2), rows.getString(3), rows.getLong(4)));
              }
            }
          }
        }
        connection.commit();
        return taken;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new ChargingStoreException("cannot take shard leases", e);
    }
  }

  /**
   * Takes again, under new epochs, shards still in the node's name that it stopped deciding for
   * (their lease lapsed here first, or taking them failed half-way): a write decided under the old
   * epoch and still on its way is then refused, and the node folds in what it wrote before.
   */
  public List<Taken> retake(String nodeId, Collection<Integer> shards, Duration lease) {
    if (shards.isEmpty()) {
      return List.of();
    }
    List<Object> parameters = new ArrayList<>(List.of(micros(lease), nodeId));
    shards.stream().sorted().forEach(parameters::add);
    update(
        "UPDATE charging_shard_lease SET epoch = epoch + 1, taken_from = owner, taken_after_us = 0,"
            + " expires_at = NOW(6) + INTERVAL ? MICROSECOND, changed_at = NOW(6)"
            + " WHERE owner = ? AND shard IN ("
            + placeholders(shards.size())
            + ") ORDER BY shard",
        parameters.toArray());
    return owned(nodeId).stream()
        .filter(l -> shards.contains(l.shard()))
        .map(l -> new Taken(l.shard(), l.epoch(), nodeId, 0))
        .toList();
  }

  /** Gives shards up at once, so that other nodes take them without waiting for the expiry. */
  public void release(String nodeId, Collection<Integer> shards) {
    if (shards.isEmpty()) {
      return;
    }
    List<Object> parameters = new ArrayList<>(List.of(nodeId));
    parameters.addAll(shards);
    update(
        "UPDATE charging_shard_lease SET owner = NULL, taken_from = NULL, taken_after_us = NULL,"
            + " expires_at = NOW(6), changed_at = NOW(6) WHERE owner = ? AND shard IN ("
            + placeholders(shards.size())
            + ")",
        parameters.toArray());
  }

  /** Gives up every lease still in the node's name. */
  public void releaseAll(String nodeId) {
    update(
        "UPDATE charging_shard_lease SET owner = NULL, taken_from = NULL, taken_after_us = NULL,"
            + " expires_at = NOW(6), changed_at = NOW(6) WHERE owner = ?",
        nodeId);
  }

  /** The shards the node holds an unexpired lease on, with their epochs. */
  public List<Lease> owned(String nodeId) {
    return leases(
        "SELECT shard, owner, epoch FROM charging_shard_lease"
            + " WHERE owner = ? AND expires_at > NOW(6) ORDER BY shard",
        nodeId);
  }

  /** Every unexpired lease. */
  public List<Lease> all() {
    return leases(
        "SELECT shard, owner, epoch FROM charging_shard_lease"
            + " WHERE owner IS NOT NULL AND expires_at > NOW(6) ORDER BY shard");
  }

  /** The node holding an unexpired lease on a shard now, if any; alive when seen within. */
  public Optional<Node> ownerOf(int shard, Duration within) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT n.node_id, n.diameter_host, n.diameter_uri, n.chf_api_root,"
                    + " n.last_seen > NOW(6) - INTERVAL ? MICROSECOND"
                    + " FROM charging_shard_lease l JOIN charging_node n ON n.node_id = l.owner"
                    + " WHERE l.shard = ? AND l.expires_at > NOW(6)")) {
      select.setLong(1, micros(within));
      select.setInt(2, shard);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(node(rows)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new ChargingStoreException("cannot read the shard leases", e);
    }
  }

  /** The registered nodes; alive when seen within {@code within}. */
  public Map<String, Node> nodes(Duration within) {
    Map<String, Node> nodes = new HashMap<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT node_id, diameter_host, diameter_uri, chf_api_root,"
                    + " last_seen > NOW(6) - INTERVAL ? MICROSECOND FROM charging_node")) {
      select.setLong(1, micros(within));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          nodes.put(rows.getString(1), node(rows));
        }
      }
      return nodes;
    } catch (SQLException e) {
      throw new ChargingStoreException("cannot read the charging nodes", e);
    }
  }

  private static Node node(ResultSet row) throws SQLException {
    return new Node(
        row.getString(1),
        row.getString(2),
        row.getString(3),
        Optional.ofNullable(row.getString(4)),
        row.getBoolean(5));
  }

  private List<Lease> leases(String sql, Object... parameters) {
    List<Lease> leases = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      bind(select, parameters);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          leases.add(new Lease(rows.getInt(1), rows.getString(2), rows.getLong(3)));
        }
      }
      return leases;
    } catch (SQLException e) {
      throw new ChargingStoreException("cannot read the shard leases", e);
    }
  }

  private void update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, parameters);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new ChargingStoreException("cannot write the shard leases", e);
    }
  }

  private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
    for (int i = 0; i < parameters.length; i++) {
      statement.setObject(i + 1, parameters[i]);
    }
  }

  static String placeholders(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> "?")
        .collect(Collectors.joining(", "));
  }

  private static long micros(Duration duration) {
    return duration.toNanos() / 1_000;
  }
}
