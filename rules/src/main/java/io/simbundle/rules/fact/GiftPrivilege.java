package io.simbundle.rules.fact;

import java.util.Set;

/** A traffic-gift privilege a subscription carries, included or chosen. */
public final class GiftPrivilege {
  private final String code;
  private final boolean included;
  private final long megabytes;
  private final String recurrence;
  private final int validityDays;
  private final Set<Long> ratingGroups;

  public GiftPrivilege(
      String code,
      boolean included,
      long megabytes,
      String recurrence,
      int validityDays,
      Set<Long> ratingGroups) {
    this.code = code;
    this.included = included;
    this.megabytes = megabytes;
    this.recurrence = recurrence;
    this.validityDays = validityDays;
    this.ratingGroups = Set.copyOf(ratingGroups);
  }

  public String getCode() {
    return code;
  }

  public boolean isIncluded() {
    return included;
  }

  public long getMegabytes() {
    return megabytes;
  }

  public String getRecurrence() {
    return recurrence;
  }

  public int getValidityDays() {
    return validityDays;
  }

  public Set<Long> getRatingGroups() {
    return ratingGroups;
  }
}
