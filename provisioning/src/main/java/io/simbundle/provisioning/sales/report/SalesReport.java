package io.simbundle.provisioning.sales.report;

import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.provisioning.csv.CsvRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Sales for the operator: orders placed in a period per store (channel), campaign and province, the
 * cards they held (an order of several cards counts once as an order), how many cards were
 * accepted, cancelled and activated, and what was paid and refunded on them, in fen.
 */
public final class SalesReport {

  private final DataSource dataSource;

  public SalesReport(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One store's, campaign's and province's sales.
   *
   * @param campaign empty outside campaigns
   * @param orders orders placed, an order of several cards once
   * @param cards the cards those orders held
   * @param accepted cards that were not rejected and did not fail for want of stock
   * @param activated cards in service
   */
  public record Row(
      String channel,
      String campaign,
      String province,
      long orders,
      long cards,
      long accepted,
      long cancelled,
      long activated,
      long paidFen,
      long refundedFen) {}

  /** Sales of orders placed from {@code from} (inclusive) to {@code to}, ordered by their keys. */
  public List<Row> between(Instant from, Instant to) {
    List<Row> rows = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT channel, COALESCE(campaign_code, ''), province,"
                    + " COUNT(DISTINCT COALESCE(basket_code, order_code)), COUNT(*), SUM(state NOT IN ('rejected', 'failed')), SUM(state = 'cancelled'),"
                    + " SUM(state = 'completed'), SUM(amount_paid_fen), SUM(amount_refunded_fen)"
                    + " FROM product_order WHERE created_at >= ? AND created_at < ?"
                    + " GROUP BY channel, COALESCE(campaign_code, ''), province"
                    + " ORDER BY channel, COALESCE(campaign_code, ''), province")) {
      select.setTimestamp(1, Timestamp.from(from));
      select.setTimestamp(2, Timestamp.from(to));
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          rows.add(
              new Row(
                  row.getString(1),
                  row.getString(2),
                  row.getString(3),
                  row.getLong(4),
                  row.getLong(5),
                  row.getLong(6),
                  row.getLong(7),
                  row.getLong(8),
                  row.getLong(9),
                  row.getLong(10)));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read sales: " + e.getMessage(), e);
    }
    return rows;
  }

  /** The rows as CSV, with a header. */
  public static String csv(List<Row> rows) {
    StringBuilder csv =
        new StringBuilder(
            "channel,campaign,province,orders,cards,accepted,cancelled,activated,paidFen,refundedFen\n");
    for (Row r : rows) {
      csv.append(
          CsvRows.line(
              r.channel(),
              r.campaign(),
              r.province(),
              r.orders(),
              r.cards(),
              r.accepted(),
              r.cancelled(),
              r.activated(),
              r.paidFen(),
              r.refundedFen()));
    }
    return csv.toString();
  }
}
