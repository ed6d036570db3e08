package io.simbundle.provisioning.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What must hold in the provisioning tables whatever happened to the engine or its database:
 * checked in SQL after outages and kills, so that a half-written change cannot hide behind the
 * engine's own view of it.
 */
final class ProvisioningInvariants {

  private static final String LIVE = "('acknowledged', 'inProgress', 'completed')";

  /** Each check counts the rows that break it. */
  private static final Map<String, String> CHECKS = new LinkedHashMap<>();

  static {
    for (String table : new String[] {"phone_number", "sim_card"}) {
      String key = table.equals("phone_number") ? "msisdn" : "iccid";
      CHECKS.put(
          table + " rows reserved without an order, or free with one",
          "SELECT COUNT(*) FROM "
              + table
              + " WHERE (status = 'available') = (order_id IS NOT NULL)");
      CHECKS.put(
          table + " rows held for an order that does not hold them",
          "SELECT COUNT(*) FROM "
              + table
              + " i LEFT JOIN product_order o ON o.id = i.order_id"
              + " WHERE i.order_id IS NOT NULL AND (o.id IS NULL OR NOT (o."
              + key
              + " <=> i."
              + key
              + "))");
      CHECKS.put(
          "live orders without their " + table,
          "SELECT COUNT(*) FROM product_order o WHERE o.state IN ('acknowledged', 'inProgress')"
              + " AND NOT EXISTS (SELECT 1 FROM "
              + table
              + " i WHERE i.order_id = o.id)");
    }
    CHECKS.put(
        "campaign units sold that no live order holds (or the reverse)",
        "SELECT COUNT(*) FROM (SELECT campaign_code, SUM(initial - remaining) AS sold"
            + " FROM campaign_stock_slice GROUP BY campaign_code) s"
            + " WHERE s.sold <> (SELECT COUNT(*) FROM product_order o"
            + " WHERE o.campaign_code = s.campaign_code AND o.state IN "
            + LIVE
            + ")");
    CHECKS.put(
        "buyer counters that differ from the buyer's live orders",
        "SELECT COUNT(*) FROM campaign_buyer b WHERE b.orders <> (SELECT COUNT(*)"
            + " FROM product_order o WHERE o.campaign_code = b.campaign_code"
            + " AND o.id_number_digest = b.id_number_digest AND o.state IN "
            + LIVE
            + ")");
    CHECKS.put(
        "orders without the audit entry of their creation",
        "SELECT COUNT(*) FROM product_order o WHERE NOT EXISTS (SELECT 1 FROM provisioning_audit a"
            + " WHERE a.subject_type = 'productOrder' AND a.subject_id = o.id)");
    CHECKS.put(
        "campaign slices oversold",
        "SELECT COUNT(*) FROM campaign_stock_slice WHERE remaining < 0 OR remaining > initial");
  }

  private ProvisioningInvariants() {}

  static void assertHold(String jdbcUrl) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
        Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> check : CHECKS.entrySet()) {
        try (ResultSet rows = statement.executeQuery(check.getValue())) {
          rows.next();
          assertThat(rows.getLong(1)).as(check.getKey()).isZero();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("invariants could not be read: " + e.getMessage(), e);
    }
  }

  /** How many rows a query counts, e.g. the orders of a channel. */
  static long count(String jdbcUrl, String sql) {
    try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
