package io.simbundle.catalog.product;

import java.util.Objects;
import java.util.Optional;

/**
 * How the operator, the partner and, where there is one, the integrator share a card's money.
 *
 * @param partnerSharePercent the partner's share of the monthly fee, 0–100
 * @param sponsoredFenPerGb what the partner pays per GB of zero-rated traffic it sponsors, in fen
 * @param sponsoredFenPerMinute what the partner pays per minute of calls it sponsors, in fen
 * @param integrator the system integrator that runs the card's platform and takes a share of each
 *     monthly fee (IMCT-style), if any
 * @param integratorSharePercent its share of the monthly fee; the operator keeps the rest
 */
public record RevenueShare(
    int partnerSharePercent,
    long sponsoredFenPerGb,
    long sponsoredFenPerMinute,
    Optional<String> integrator,
    int integratorSharePercent) {
  public static final RevenueShare NONE = new RevenueShare(0, 0, 0);

  /** A share with no integrator. */
  public RevenueShare(int partnerSharePercent, long sponsoredFenPerGb, long sponsoredFenPerMinute) {
    this(partnerSharePercent, sponsoredFenPerGb, sponsoredFenPerMinute, Optional.empty(), 0);
  }

  /** A share with no sponsored calls and no integrator. */
  public RevenueShare(int partnerSharePercent, long sponsoredFenPerGb) {
    this(partnerSharePercent, sponsoredFenPerGb, 0);
  }

  public RevenueShare {
    Objects.requireNonNull(integrator);
    if (partnerSharePercent < 0 || integratorSharePercent < 0) {
      throw new IllegalArgumentException("shares must not be negative");
    }
    if (partnerSharePercent + integratorSharePercent > 100) {
      throw new IllegalArgumentException("the partner's and integrator's shares exceed 100 %");
    }
    if (integrator.isEmpty() != (integratorSharePercent == 0)) {
      throw new IllegalArgumentException("an integrator and its share go together");
    }
    if (sponsoredFenPerGb < 0 || sponsoredFenPerMinute < 0) {
      throw new IllegalArgumentException("sponsored price must not be negative");
    }
  }

  /** The operator's share of the monthly fee, in percent. */
  public int operatorSharePercent() {
    return 100 - partnerSharePercent - integratorSharePercent;
  }
}
