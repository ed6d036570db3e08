package io.simbundle.charging.store;

import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the decisions stored per subscriber and hour, newest hour first. */
public final class DecisionRecords {

  private static final String COLUMNS =
      "hour, service, rating_group, action, reason, reference, partner_code, catalog_version,"
          + " rule_set_version, decisions, units";

  /** The order within an hour, so that pages are stable. */
  private static final String ORDER =
      " ORDER BY hour DESC, service, rating_group, action, reason, reference, partner_code,"
          + " catalog_version, rule_set_version";

  private final DataSource dataSource;

  DecisionRecords(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One page of decisions: whole hours, newest first, before {@code before}. A page ends at an hour
   * boundary, so {@link Page#nextBefore} continues exactly where it stopped; a single hour with
   * more rows than {@code limit} comes whole.
   */
  public Page page(String msisdn, Instant before, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("a page holds at least one record");
    }
    List<DecisionRecord> rows =
        query(
            "SELECT "
                + COLUMNS
                + " FROM charging_decision WHERE msisdn = ? AND hour < ?"
                + ORDER
                + " LIMIT ?",
            msisdn,
            Timestamp.from(before),
            limit + 1);
    if (rows.size() <= limit) {
      return new Page(rows, Optional.empty());
    }
    Instant cut = rows.get(limit).hour();
    if (rows.get(0).hour().equals(cut)) {
      List<DecisionRecord> hour =
          query(
              "SELECT " + COLUMNS + " FROM charging_decision WHERE msisdn = ? AND hour = ?" + ORDER,
              msisdn,
              Timestamp.from(cut));
      return new Page(hour, Optional.of(cut));
    }
    List<DecisionRecord> whole = rows.stream().filter(r -> r.hour().isAfter(cut)).toList();
    return new Page(whole, Optional.of(cut.plus(Duration.ofHours(1))));
  }

  /** The debits and refunds of a subscriber from {@code from} on, oldest hour first. */
  public List<DecisionRecord> debitsAndRefunds(String msisdn, Instant from) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM charging_decision WHERE msisdn = ? AND hour >= ?"
            + " AND action IN ('DEBIT', 'REFUND') ORDER BY hour, service, rating_group, reason,"
            + " reference, partner_code, catalog_version, rule_set_version, action",
        msisdn,
        Timestamp.from(from));
  }

  /**
   * Units debited for each partner and privilege under {@code reason} in {@code [from, to)}: what
   * partners settle for sponsored minutes.
   */
  public List<Sponsored> debitedFor(Reason reason, Instant from, Instant to) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT partner_code, reference, SUM(units) FROM charging_decision"
                    + " WHERE action = 'DEBIT' AND reason = ? AND hour >= ? AND hour < ?"
                    + " GROUP BY partner_code, reference ORDER BY partner_code, reference")) {
      select.setString(1, reason.name());
      select.setTimestamp(2, Timestamp.from(from));
      select.setTimestamp(3, Timestamp.from(to));
      List<Sponsored> sponsored = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          sponsored.add(new Sponsored(rows.getString(1), rows.getString(2), rows.getLong(3)));
        }
      }
      return sponsored;
    } catch (SQLException e) {
      throw new ChargingStoreException("reading decisions failed", e);
    }
  }

  /** Units a partner sponsored through one privilege. */
  public record Sponsored(String partnerCode, String privilegeCode, long units) {}

  /**
   * A page of decision records.
   *
   * @param records the records, newest hour first
   * @param nextBefore where the next page starts (exclusive); empty on the last page
   */
  public record Page(List<DecisionRecord> records, Optional<Instant> nextBefore) {
    public Page {
      records = List.copyOf(records);
    }
  }

  private List<DecisionRecord> query(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        select.setObject(i + 1, parameters[i]);
      }
      List<DecisionRecord> records = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.add(
              new DecisionRecord(
                  rows.getTimestamp(1).toInstant(),
                  Decision.Service.valueOf(rows.getString(2)),
                  rows.getLong(3),
                  Decision.Action.valueOf(rows.getString(4)),
                  Reason.valueOf(rows.getString(5)),
                  rows.getString(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9),
                  rows.getLong(10),
                  rows.getLong(11)));
        }
      }
      return records;
    } catch (SQLException e) {
      throw new ChargingStoreException("reading decisions failed", e);
    }
  }
}
