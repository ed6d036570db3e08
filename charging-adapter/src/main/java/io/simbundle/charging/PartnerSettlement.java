package io.simbundle.charging;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Objects;

/**
 * What one partner owes for the traffic and the call time it sponsored in a month through one
 * privilege.
 *
 * @param month the month (Beijing time)
 * @param partnerCode the partner
 * @param privilegeCode the zero-rating or sponsored-calls privilege
 * @param sponsoredBytes zero-rated bytes
 * @param fenPerGb the catalog's price per GB of sponsored traffic
 * @param sponsoredSeconds sponsored call time
 * @param fenPerMinute the catalog's price per minute of sponsored calls
 */
public record PartnerSettlement(
    YearMonth month,
    String partnerCode,
    String privilegeCode,
    long sponsoredBytes,
    long fenPerGb,
    long sponsoredSeconds,
    long fenPerMinute) {

  private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1024L * 1024L * 1024L);

  public PartnerSettlement {
    Objects.requireNonNull(month);
    Objects.requireNonNull(partnerCode);
    Objects.requireNonNull(privilegeCode);
  }

  public BigDecimal sponsoredGb() {
    return BigDecimal.valueOf(sponsoredBytes).divide(BYTES_PER_GB, 6, RoundingMode.HALF_UP);
  }

  /** The amount due, in fen: traffic and call time, each rounded half up to the fen. */
  public long amountFen() {
    return BigDecimal.valueOf(sponsoredBytes)
            .multiply(BigDecimal.valueOf(fenPerGb))
            .divide(BYTES_PER_GB, 0, RoundingMode.HALF_UP)
            .longValueExact()
        + BigDecimal.valueOf(sponsoredSeconds)
            .multiply(BigDecimal.valueOf(fenPerMinute))
            .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP)
            .longValueExact();
  }
}
