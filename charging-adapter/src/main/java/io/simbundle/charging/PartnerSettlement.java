package io.simbundle.charging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What one partner owes for the traffic it sponsored in a month.
 *
 * @param month the month (Beijing time)
 * @param partnerCode the partner
 * @param privilegeCode the zero-rating privilege the traffic went through
 * @param sponsoredBytes zero-rated bytes
 * @param fenPerGb the catalog's price per GB of sponsored traffic
 */
public record PartnerSettlement(
    YearMonth month, String partnerCode, String privilegeCode, long sponsoredBytes, long fenPerGb) {

  private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1024L * 1024L * 1024L);

  public PartnerSettlement {
    Objects.requireNonNull(month);
    Objects.requireNonNull(partnerCode);
    Objects.requireNonNull(privilegeCode);
  }

  public BigDecimal sponsoredGb() {
    return BigDecimal.valueOf(sponsoredBytes).divide(BYTES_PER_GB, 6, RoundingMode.HALF_UP);
  }

  /** The amount due, in fen, rounded half up to the fen. */
  public long amountFen() {
    return BigDecimal.valueOf(sponsoredBytes)
        .multiply(BigDecimal.valueOf(fenPerGb))
        .divide(BYTES_PER_GB, 0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
