package io.simbundle.provisioning.sales.buyer;

import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.provisioning.privacy.PersonalDataDigest;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What the engine's own records say about a buyer and a campaign, for the qualification rules:
 * cards held on an ID number, orders placed in a campaign. Counts come from the order and product
 * tables; orders that were cancelled, rejected or failed do not count.
 */
public final class BuyerRecords {

  private static final String LIVE_ORDER = "state NOT IN ('cancelled', 'rejected', 'failed')";

  private final DataSource dataSource;
  private final PersonalDataDigest digest;
  private final CampaignStock stock;

  public BuyerRecords(DataSource dataSource, PersonalDataDigest digest, CampaignStock stock) {
    this.dataSource = dataSource;
    this.digest = digest;
    this.stock = stock;
  }

  /** Cards on this ID number that are not terminated. */
  public int activeCards(String idNumber) {
    return (int)
        count(
            "SELECT COUNT(*) FROM product WHERE id_number_digest = ? AND status <> 'terminated'",
            digest.of(idNumber));
  }

  /**
   * What the rules ask about a buyer placing an order: cards in service, cards ever held (any
   * product, active or past), orders in the campaign.
   */
  public record Standing(int activeCards, int cardsEver, int campaignOrders) {}

  /** A buyer's {@link Standing}, read in one round trip. */
  public Standing standing(String idNumber, Optional<String> campaignCode) {
    String buyer = digest.of(idNumber);
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT (SELECT COUNT(*) FROM product WHERE id_number_digest = ?"
                    + " AND status <> 'terminated'),"
                    + " (SELECT COUNT(*) FROM product WHERE id_number_digest = ?),"
                    + " (SELECT COUNT(*) FROM product_order WHERE id_number_digest = ?"
                    + " AND campaign_code = ? AND "
                    + LIVE_ORDER
                    + ")")) {
      select.setString(1, buyer);
      select.setString(2, buyer);
      select.setString(3, buyer);
      select.setString(4, campaignCode.orElse(null));
      try (ResultSet row = select.executeQuery()) {
        row.next();
        return new Standing(row.getInt(1), row.getInt(2), row.getInt(3));
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read buyer records: " + e.getMessage(), e);
    }
  }

  /** Units the campaign has sold: live orders holding stock. */
  public long campaignUnitsSold(String campaignCode) {
    return stock.sold(campaignCode);
  }

  /**
   * The place of an order in its campaign's sale, counting live orders only (1 for the first); 0
   * outside campaigns. Presale bonuses go to the first buyers.
   */
  public long orderSequence(String campaignCode, long orderId) {
    if (campaignCode == null) {
      return 0;
    }
    // By time of placing (ids are handed out in blocks per node), ties broken by id.
    return count(
        "SELECT COUNT(*) FROM product_order o, (SELECT created_at, id FROM product_order"
            + " WHERE id = ?) me WHERE o.campaign_code = ? AND (o.created_at < me.created_at"
            + " OR (o.created_at = me.created_at AND o.id <= me.id))"
            + " AND o."
            + LIVE_ORDER,
        String.valueOf(orderId),
        campaignCode);
  }

  private long count(String sql, String... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setString(i + 1, parameters[i]);
      }
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read buyer records: " + e.getMessage(), e);
    }
  }
}
