package io.simbundle.charging.account;

/**
 * Why a decision went the way it did. Each reason belongs to one {@link Basis} — the kinds of payer
 * (or refusal) operators report on — and says more where the payer alone does not explain it: the
 * allowance paid because nothing else covered the traffic, because a privilege excludes it, because
 * a privilege's free cap or a gift was used up.
 */
public enum Reason {
  /** A chosen privilege zero-rates it; the partner sponsors it. */
  ZERO_RATED(Basis.ZERO_RATING),
  /** A traffic gift paid. */
  GIFT(Basis.GIFT),
  /** The plan's allowance paid: no privilege or gift covers this rating group. */
  NOT_COVERED(Basis.ALLOWANCE),
  /** The plan's allowance paid: the privilege named covers it, and its free cap was used up. */
  CAP_REACHED(Basis.ALLOWANCE),
  /** The plan's allowance paid: the gift named covers it, and was spent or had expired. */
  GIFT_SPENT(Basis.ALLOWANCE),
  /** The plan's allowance paid: the privilege named zero-rates the partner's app but not this. */
  EXCLUDED(Basis.EXCLUSION),
  /** The plan's minutes paid. */
  PLAN_MINUTES(Basis.MINUTES),
  /** Minutes the partner named sponsors for calls its rule covers. */
  SPONSORED_MINUTES(Basis.SPONSORED_MINUTES),
  /** The plan's SMS paid. */
  PLAN_SMS(Basis.SMS),
  /** Beyond the plan, at the catalog's overage price. */
  OVERAGE(Basis.OVERAGE),
  /** Refused: nothing is left that may pay. */
  USED_UP(Basis.DENIAL),
  /** Refused: the subscriber is suspended or terminated. */
  BARRED(Basis.DENIAL),
  /** Refused: the rating group is not one the catalog knows, and unknown ones are denied. */
  UNKNOWN_RATING_GROUP(Basis.DENIAL);

  /** The payer of a decision, or its refusal. */
  public enum Basis {
    ZERO_RATING,
    GIFT,
    ALLOWANCE,
    EXCLUSION,
    MINUTES,
    SPONSORED_MINUTES,
    SMS,
    OVERAGE,
    DENIAL
  }

  private final Basis basis;

  Reason(Basis basis) {
    this.basis = basis;
  }

  public Basis basis() {
    return basis;
  }
}
