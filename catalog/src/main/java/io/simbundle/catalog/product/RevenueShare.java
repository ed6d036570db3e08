package io.simbundle.catalog.product;

/**
 * How the operator and the partner share a card's money.
 *
 * @param partnerSharePercent the partner's share of the monthly fee, 0–100
 * @param sponsoredFenPerGb what the partner pays per GB of zero-rated traffic it sponsors, in fen
 * @param sponsoredFenPerMinute what the partner pays per minute of calls it sponsors, in fen
 */
public record RevenueShare(
    int partnerSharePercent, long sponsoredFenPerGb, long sponsoredFenPerMinute) {
  public static final RevenueShare NONE = new RevenueShare(0, 0, 0);

  /** A share with no sponsored calls. */
  public RevenueShare(int partnerSharePercent, long sponsoredFenPerGb) {
    this(partnerSharePercent, sponsoredFenPerGb, 0);
  }

  public RevenueShare {
    if (partnerSharePercent < 0 || partnerSharePercent > 100) {
      throw new IllegalArgumentException("partner share must be 0-100 %");
    }
    if (sponsoredFenPerGb < 0 || sponsoredFenPerMinute < 0) {
      throw new IllegalArgumentException("sponsored price must not be negative");
    }
  }
}
