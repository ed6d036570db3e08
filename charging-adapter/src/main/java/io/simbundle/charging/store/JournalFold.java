package io.simbundle.charging.store;

import io.simbundle.platform.json.Json;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements that fold journal rows into the account and usage tables, inside a transaction the
 * caller holds: the checkpoint's and a take's.
 */
final class JournalFold {

  private JournalFold() {}

  /**
   * The epochs of the shards the node holds among {@code shards}, with their lease rows
   * share-locked until the transaction ends: a takeover waits for it, and it sees any takeover
   * before it.
   */
  static Map<Integer, Long> lockLeases(
      Connection connection, Collection<Integer> shards, String nodeId) throws SQLException {
    Map<Integer, Long> epochs = new HashMap<>();
    if (shards.isEmpty()) {
      return epochs;
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT shard, epoch FROM charging_shard_lease WHERE owner = ? AND shard IN ("
                + LeaseTable.placeholders(shards.size())
                + ") LOCK IN SHARE MODE")) {
      select.setString(1, nodeId);
      int p = 2;
      for (int shard : shards) {
        select.setInt(p++, shard);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          epochs.put(rows.getInt(1), rows.getLong(2));
        }
      }
    }
    return epochs;
  }

  static PendingChanges lockedRows(Connection connection, String sql, Object... parameters)
      throws SQLException {
    PendingChanges changes = new PendingChanges(-1);
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          changes.add(rows.getLong(1), Json.readStored(rows.getBytes(2), JournalBatch.class));
        }
      }
    }
    return changes;
  }

  /** Writes the changes into the account and usage tables and marks their journal rows applied. */
  static void apply(Connection connection, PendingChanges changes, Timestamp now)
      throws SQLException {
    if (changes.isEmpty()) {
      return;
    }
    writeAccounts(connection, changes.accounts.values(), now);
    writeUsage(connection, changes.usage);
    writeDecisions(connection, changes.decisions.values());
    markApplied(connection, changes.journalIds);
  }

  /** Rows are marked a chunk per statement: a group commit writes a row per shard it touched. */
  private static final int MARK_CHUNK = 500;

  private static void markApplied(Connection connection, List<Long> journalIds)
      throws SQLException {
    for (int from = 0; from < journalIds.size(); from += MARK_CHUNK) {
      List<Long> chunk = journalIds.subList(from, Math.min(journalIds.size(), from + MARK_CHUNK));
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE charging_journal SET applied = TRUE WHERE id IN ("
                  + LeaseTable.placeholders(chunk.size())
                  + ")")) {
        for (int i = 0; i < chunk.size(); i++) {
          update.setLong(i + 1, chunk.get(i));
        }
        update.executeUpdate();
      }
    }
  }

  private static void writeAccounts(
      Connection connection, Collection<AccountSnapshot> accounts, Timestamp now)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO charging_account (msisdn, imsi, state, version, updated_at, next_expiry)"
                + " VALUES (?, ?, ?, 0, ?, ?) ON DUPLICATE KEY UPDATE imsi = VALUES(imsi),"
                + " state = VALUES(state), version = version + 1,"
                + " updated_at = VALUES(updated_at), next_expiry = VALUES(next_expiry)")) {
      for (AccountSnapshot account : accounts) {
        upsert.setString(1, account.msisdn());
        upsert.setString(2, account.imsi());
        upsert.setString(3, account.state());
        upsert.setTimestamp(4, now);
        upsert.setTimestamp(
            5, account.nextExpiry() == null ? null : Timestamp.from(account.nextExpiry()));
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  private static void writeDecisions(
      Connection connection, Collection<DecisionKey.Counted> decisions) throws SQLException {
    if (decisions.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO charging_decision (msisdn, hour, key_digest, service, rating_group,"
                + " action, reason, reference, partner_code, catalog_version, rule_set_version,"
                + " decisions, units) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE"
                + " decisions = decisions + VALUES(decisions), units = units + VALUES(units)")) {
      for (DecisionKey.Counted counted : decisions) {
        DecisionKey key = counted.key();
        upsert.setString(1, key.msisdn());
        upsert.setTimestamp(2, Timestamp.from(key.hour()));
        upsert.setBytes(3, key.digest());
        upsert.setString(4, key.service().name());
        upsert.setLong(5, key.ratingGroup());
        upsert.setString(6, key.action().name());
        upsert.setString(7, key.reason().name());
        upsert.setString(8, key.reference());
        upsert.setString(9, key.partnerCode());
        upsert.setString(10, key.catalogVersion());
        upsert.setString(11, key.ruleSetVersion());
        upsert.setLong(12, counted.count());
        upsert.setLong(13, counted.units());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }

  private static void writeUsage(Connection connection, Map<UsageKey, Long> usage)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO charging_usage"
                + " (msisdn, day, rating_group, paid_by_kind, paid_by, partner_code, bytes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE bytes = bytes + VALUES(bytes)")) {
      for (Map.Entry<UsageKey, Long> entry : usage.entrySet()) {
        UsageKey key = entry.getKey();
        upsert.setString(1, key.msisdn());
        upsert.setDate(2, Date.valueOf(key.day()));
        upsert.setLong(3, key.ratingGroup());
        upsert.setString(4, key.kind());
        upsert.setString(5, key.paidBy());
        upsert.setString(6, key.partnerCode());
        upsert.setLong(7, entry.getValue());
        upsert.addBatch();
      }
      upsert.executeBatch();
    }
  }
}
