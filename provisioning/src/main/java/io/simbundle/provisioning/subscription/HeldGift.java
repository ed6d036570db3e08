package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.privilege.Recurrence;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A gift the rules granted a subscription: once (it lapses {@code validityDays} after it was
 * granted) or monthly (granted afresh at the start of every billing cycle).
 *
 * @param reasonCode why the rules granted it, e.g. {@code EARLY_BIRD}
 */
public record HeldGift(
    String code,
    long megabytes,
    Recurrence recurrence,
    int validityDays,
    Set<Long> ratingGroups,
    String reasonCode,
    Instant grantedAt) {

  public HeldGift {
    Objects.requireNonNull(code);
    Objects.requireNonNull(recurrence);
    ratingGroups = Set.copyOf(ratingGroups);
    Objects.requireNonNull(grantedAt);
  }
}
