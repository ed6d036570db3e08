package io.simbundle.charging.account;

import java.util.Objects;

/**
 * What pays for a grant of traffic.
 *
 * @param kind zero-rated by a partner, a gift bucket, or the plan's allowance
 * @param reference the privilege code, gift code, or {@code allowance}
 * @param partnerCode the sponsoring partner (zero-rating only), else empty
 */
public record Source(Kind kind, String reference, String partnerCode) {

  /** The kinds of payer, in the order the charging rules try them. */
  public enum Kind {
    ZERO_RATED,
    GIFT,
    ALLOWANCE
  }

  public static final Source ALLOWANCE = new Source(Kind.ALLOWANCE, "allowance", "");

  public Source {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(reference);
    Objects.requireNonNull(partnerCode);
  }
}
