package io.simbundle.provisioning.buyer;

import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.provisioning.campaign.CampaignStock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

  /** Live orders this ID number placed in the campaign. */
  public int campaignOrders(String idNumber, String campaignCode) {
    return (int)
        count(
            "SELECT COUNT(*) FROM product_order WHERE id_number_digest = ? AND campaign_code = ? AND "
                + LIVE_ORDER,
            digest.of(idNumber),
            campaignCode);
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
    return count(
        "SELECT COUNT(*) FROM product_order WHERE campaign_code = ? AND id <= ? AND " + LIVE_ORDER,
        campaignCode,
        String.valueOf(orderId));
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
