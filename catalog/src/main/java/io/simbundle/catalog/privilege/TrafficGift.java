package io.simbundle.catalog.privilege;

import java.util.Set;

/**
 * Free data that is spent before the plan's allowance.
 *
 * @param megabytes the size of one grant
 * @param recurrence once, or every billing cycle
 * @param validityDays how long one grant may be used
 * @param ratingGroups the rating groups it may pay for; empty means any
 */
public record TrafficGift(
    long megabytes, Recurrence recurrence, int validityDays, Set<Long> ratingGroups)
    implements Benefit {

  public TrafficGift {
    ratingGroups = Set.copyOf(ratingGroups);
    if (megabytes <= 0 || validityDays <= 0) {
      throw new IllegalArgumentException("gift size and validity must be positive");
    }
  }

  public boolean paysForAnyRatingGroup() {
    return ratingGroups.isEmpty();
  }

  @Override
  public PrivilegeKind kind() {
    return PrivilegeKind.TRAFFIC_GIFT;
  }
}
