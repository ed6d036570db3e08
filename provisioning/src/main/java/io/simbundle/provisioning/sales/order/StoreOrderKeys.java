package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.DatabaseUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Which order a channel's own order id became, in one indexed read outside any transaction: the
 * check a sold-out campaign still owes each repeated store order, at the rate orders arrive.
 */
public final class StoreOrderKeys {

  private final DataSource dataSource;

  public StoreOrderKeys(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<String> orderCode(String channel, String externalId) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT order_code FROM product_order WHERE channel = ? AND external_id = ?"
                    + " AND basket_item = 1")) {
      select.setString(1, channel);
      select.setString(2, externalId);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot look an order up: " + e.getMessage(), e);
    }
  }
}
