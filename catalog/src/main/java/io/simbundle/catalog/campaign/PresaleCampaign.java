package io.simbundle.catalog.campaign;

import io.simbundle.catalog.product.Province;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A limited sale of one card through e-commerce channels (a Yixun presale, a Tmall Double-11).
 *
 * @param code unique within a catalog version
 * @param name display name
 * @param productCode the card sold
 * @param channels the store channels that may sell it, e.g. {@code yixun}, {@code tmall}
 * @param provinces where buyers may be; empty means wherever the product is sold
 * @param stock how many cards may be sold in all
 * @param saleStart first instant orders are accepted
 * @param saleEnd the instant the sale closes (exclusive)
 * @param perBuyerLimit how many cards one buyer (ID number) may order
 * @param terms what a buyer pays (price, deposit and final payment) and may undo (returns)
 */
public record PresaleCampaign(
    String code,
    String name,
    String productCode,
    Set<String> channels,
    Set<Province> provinces,
    long stock,
    Instant saleStart,
    Instant saleEnd,
    int perBuyerLimit,
    CampaignTerms terms) {

  public PresaleCampaign {
    Objects.requireNonNull(code);
    Objects.requireNonNull(name);
    Objects.requireNonNull(productCode);
    Objects.requireNonNull(saleStart);
    Objects.requireNonNull(saleEnd);
    Objects.requireNonNull(terms);
    channels = Set.copyOf(channels);
    provinces = Set.copyOf(provinces);
    if (stock <= 0 || perBuyerLimit <= 0 || !saleEnd.isAfter(saleStart)) {
      throw new IllegalArgumentException("invalid campaign " + code);
    }
  }

  /** The presale deposit, in fen; 0 when the price is paid at once. */
  public long depositFen() {
    return terms.depositFen();
  }

  public boolean openAt(Instant instant) {
    return !instant.isBefore(saleStart) && instant.isBefore(saleEnd);
  }
}
