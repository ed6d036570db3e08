package io.simbundle.rules.decision;

import io.simbundle.catalog.privilege.Recurrence;
import java.util.Objects;
import java.util.Set;

/**
 * Free data a decision grants.
 *
 * @param code what it is, e.g. a privilege code or {@code presale-bonus}
 * @param megabytes the size of one grant
 * @param recurrence once, or every billing cycle
 * @param validityDays how long one grant may be used
 * @param ratingGroups the rating groups it may pay for; empty means any
 * @param reasonCode the reason it was granted
 */
public record GrantedGift(
    String code,
    long megabytes,
    Recurrence recurrence,
    int validityDays,
    Set<Long> ratingGroups,
    String reasonCode) {
  public GrantedGift {
    Objects.requireNonNull(code);
    Objects.requireNonNull(recurrence);
    Objects.requireNonNull(reasonCode);
    ratingGroups = Set.copyOf(ratingGroups);
  }
}
