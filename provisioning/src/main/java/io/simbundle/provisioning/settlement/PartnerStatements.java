package io.simbundle.provisioning.settlement;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.product.RevenueShare;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.PartnerSettlement;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.platform.database.DatabaseUnavailableException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A partner's monthly statement (IMCT-style revenue sharing): its share — and the integrator's,
 * where the catalog names one — of every monthly fee its cards were charged that month, each fee
 * split by the catalog version that governed the subscription that month, and what it owes for the
 * traffic and minutes it sponsored, priced by the catalog version in force when the month began.
 * Everything comes from what was stored (fees, usage, published versions), so the same month always
 * gives the same figures.
 */
public final class PartnerStatements {

  private final DataSource dataSource;
  private final CatalogService catalog;
  private final ChargingFunction charging;

  public PartnerStatements(
      DataSource dataSource, CatalogService catalog, ChargingFunction charging) {
    this.dataSource = dataSource;
    this.catalog = catalog;
    this.charging = charging;
  }

  /** The catalog version in force when the month began (Beijing): what prices its sponsoring. */
  private CatalogVersion inForce(YearMonth month) {
    return catalog.timeline().inForceWhenBegan(month, ChargingProfile.BILLING_ZONE);
  }

  /** The partner's statement for the month. */
  public PartnerStatement of(String partner, YearMonth month) {
    List<PartnerStatement.Share> shares = new ArrayList<>();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT product_code, catalog_version, COUNT(DISTINCT product_id), SUM(amount_fen)"
                    + " FROM monthly_fee WHERE cycle = ? AND partner_code = ?"
                    + " GROUP BY product_code, catalog_version"
                    + " ORDER BY product_code, catalog_version")) {
      select.setString(1, month.toString());
      select.setString(2, partner);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          shares.add(share(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)));
        }
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("cannot read monthly fees: " + e.getMessage(), e);
    }
    CatalogVersion pricing = inForce(month);
    List<PartnerSettlement> sponsored =
        charging.settlement(month, pricing).stream()
            .filter(s -> s.partnerCode().equals(partner))
            .toList();
    return new PartnerStatement(partner, month, pricing.version(), shares, sponsored);
  }

  /** One card's fees under one version, split as that version's revenue share says. */
  private PartnerStatement.Share share(
      String product, String version, long subscribers, long feesFen) {
    RevenueShare share =
        catalog
            .version(version)
            .flatMap(v -> v.product(product))
            .map(p -> p.revenueShare())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "catalog version " + version + " has no product " + product));
    long partnerFen = percentOf(feesFen, share.partnerSharePercent());
    long integratorFen = percentOf(feesFen, share.integratorSharePercent());
    return new PartnerStatement.Share(
        product,
        version,
        subscribers,
        feesFen,
        share.partnerSharePercent(),
        partnerFen,
        share.integrator(),
        share.integratorSharePercent(),
        integratorFen,
        feesFen - partnerFen - integratorFen);
  }

  /** A percentage of an amount in fen, rounded half up to the fen. */
  static long percentOf(long fen, int percent) {
    return BigDecimal.valueOf(fen)
        .multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
