package io.simbundle.charging.profile;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Free data given to a subscriber, spent before the plan's allowance.
 *
 * @param code what it is, e.g. {@code yixin-monthly-gift}
 * @param bytes its size
 * @param ratingGroups the rating groups it may pay for; empty means any
 * @param expiresAt when what is left of it lapses
 */
public record GiftGrant(String code, long bytes, Set<Long> ratingGroups, Instant expiresAt) {
  public GiftGrant {
    Objects.requireNonNull(code);
    ratingGroups = Set.copyOf(ratingGroups);
    Objects.requireNonNull(expiresAt);
    if (bytes <= 0) {
      throw new IllegalArgumentException("a gift has a positive size");
    }
  }
}
