package io.simbundle.charging.profile;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Traffic a partner sponsors for one subscriber, from a chosen privilege.
 *
 * @param privilegeCode the privilege that grants it, e.g. {@code wechat-free-traffic}
 * @param partnerCode the partner that pays for it
 * @param ratingGroups rating groups that are free
 * @param serviceIdentifiers service identifiers that are free
 * @param monthlyCapBytes free bytes per billing cycle; empty means no cap
 * @param excludedRatingGroups rating groups that stay charged (WeChat video calls)
 */
public record ZeroRatedService(
    String privilegeCode,
    String partnerCode,
    Set<Long> ratingGroups,
    Set<Long> serviceIdentifiers,
    Optional<Long> monthlyCapBytes,
    Set<Long> excludedRatingGroups) {

  public ZeroRatedService {
    Objects.requireNonNull(privilegeCode);
    Objects.requireNonNull(partnerCode);
    ratingGroups = Set.copyOf(ratingGroups);
    serviceIdentifiers = Set.copyOf(serviceIdentifiers);
    Objects.requireNonNull(monthlyCapBytes);
    excludedRatingGroups = Set.copyOf(excludedRatingGroups);
  }

  /** Whether traffic of this rating group (or service identifier) is free under it. */
  public boolean covers(long ratingGroup, Optional<Long> serviceIdentifier) {
    return ratingGroups.contains(ratingGroup)
        || serviceIdentifier.map(serviceIdentifiers::contains).orElse(false);
  }
}
