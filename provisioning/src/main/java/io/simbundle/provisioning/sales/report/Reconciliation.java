package io.simbundle.provisioning.sales.report;

import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.provisioning.csv.CsvRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A store's day as its books should show it: the orders it placed, the payments and refunds taken
 * on its orders, and the monthly fees charged that day to the subscriptions its orders made, each
 * with the amount in fen. The day is a calendar day in Beijing; the lines come in time order, so
 * the same day always gives the same file.
 */
public final class Reconciliation {

  /** Days are Beijing's, as the stores' are. */
  public static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private final DataSource dataSource;

  public Reconciliation(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One line of the file.
   *
   * @param type {@code order}, {@code payment}, {@code refund} or {@code fee}
   * @param amountFen what the order costs, what was paid or refunded, or the fee
   * @param reference the payment's reference, the refund's kind and the store's refund id, or the
   *     fee's cycle and who pays it
   */
  public record Line(
      String type,
      Instant at,
      String productOrder,
      String externalId,
      String campaign,
      String province,
      String state,
      long amountFen,
      String reference) {}

  /** What was paid and refunded that day, in fen, and the lines (fees are listed, not netted). */
  public record Day(
      String store, LocalDate date, List<Line> lines, long paidFen, long refundedFen) {

    public Day {
      Objects.requireNonNull(store);
      lines = List.copyOf(lines);
    }

    /** The file: a header, the lines, and a closing line with the day's totals. */
    public String csv() {
      StringBuilder csv =
          new StringBuilder(
              "type,at,productOrder,externalId,campaign,province,state,amountFen,reference\n");
      for (Line line : lines) {
        csv.append(
            CsvRows.line(
                line.type(),
                line.at(),
                line.productOrder(),
                line.externalId(),
                line.campaign(),
                line.province(),
                line.state(),
                line.amountFen(),
                line.reference()));
      }
      csv.append(
          CsvRows.line(
              "total",
              date,
              "",
              "",
              "",
              "",
              "",
              paidFen - refundedFen,
              "paid " + paidFen + " refunded " + refundedFen));
      return csv.toString();
    }
  }

  /** The store's day. */
  public Day of(String store, LocalDate date) {
    Instant from = date.atStartOfDay(BEIJING).toInstant();
    Instant to = date.plusDays(1).atStartOfDay(BEIJING).toInstant();
    List<Line> lines = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      read(
          connection,
          "SELECT 'order', o.created_at, o.order_code, o.external_id, o.campaign_code, o.province,"
              + " o.state, o.amount_due_fen, o.payment_type FROM product_order o"
              + " WHERE o.channel = ? AND o.created_at >= ? AND o.created_at < ?",
          store,
          from,
          to,
          lines);
      read(
          connection,
          "SELECT 'payment', p.paid_at, o.order_code, o.external_id, o.campaign_code, o.province,"
              + " o.state, p.amount_fen, p.reference FROM payment p"
              + " JOIN product_order o ON o.id = p.order_id"
              + " WHERE p.channel = ? AND p.paid_at >= ? AND p.paid_at < ?",
          store,
          from,
          to,
          lines);
      read(
          connection,
          "SELECT 'refund', r.created_at, o.order_code, o.external_id, o.campaign_code, o.province,"
              + " o.state, r.amount_fen, CONCAT(r.kind, ' ', r.correlator_id) FROM refund r"
              + " JOIN product_order o ON o.id = r.order_id"
              + " WHERE r.channel = ? AND r.created_at >= ? AND r.created_at < ?",
          store,
          from,
          to,
          lines);
      read(
          connection,
          "SELECT 'fee', f.created_at, o.order_code, o.external_id, o.campaign_code, o.province,"
              + " o.state, f.amount_fen, CONCAT(f.cycle, ' payable by ', f.payer)"
              + " FROM monthly_fee f JOIN product p ON p.id = f.product_id"
              + " JOIN product_order o ON o.id = p.order_id"
              + " WHERE o.channel = ? AND f.created_at >= ? AND f.created_at < ?",
          store,
          from,
          to,
          lines);
    } catch (SQLException e) {
      throw new DatabaseUnavailableException(
          "cannot read the reconciliation: " + e.getMessage(), e);
    }
    lines.sort(
        Comparator.comparing(Line::at)
            .thenComparing(Line::type)
            .thenComparing(Line::productOrder)
            .thenComparing(Line::reference));
    long paid =
        lines.stream().filter(l -> l.type().equals("payment")).mapToLong(Line::amountFen).sum();
    long refunded =
        lines.stream().filter(l -> l.type().equals("refund")).mapToLong(Line::amountFen).sum();
    return new Day(store, date, lines, paid, refunded);
  }

  private static void read(
      Connection connection, String sql, String store, Instant from, Instant to, List<Line> into)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, store);
      select.setTimestamp(2, Timestamp.from(from));
      select.setTimestamp(3, Timestamp.from(to));
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          into.add(
              new Line(
                  row.getString(1),
                  row.getTimestamp(2).toInstant(),
                  row.getString(3),
                  row.getString(4),
                  row.getString(5),
                  row.getString(6),
                  row.getString(7),
                  row.getLong(8),
                  row.getString(9)));
        }
      }
    }
  }
}
