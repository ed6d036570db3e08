package io.simbundle.catalog.privilege;

import java.util.Optional;
import java.util.Set;

/**
 * Traffic the partner sponsors: the PCEF classifies it into these rating groups (or service
 * identifiers) and the charging function grants it without debiting the subscriber.
 *
 * @param ratingGroups Diameter Rating-Group values that are free
 * @param serviceIdentifiers Diameter Service-Identifier values that are free
 * @param monthlyCapMb free MB per cycle; beyond it the traffic is charged. Empty means no cap
 * @param excludedRatingGroups rating groups that stay charged even with this privilege (WeChat
 *     video calls)
 */
public record ZeroRating(
    Set<Long> ratingGroups,
    Set<Long> serviceIdentifiers,
    Optional<Long> monthlyCapMb,
    Set<Long> excludedRatingGroups)
    implements Benefit {

  public ZeroRating {
    ratingGroups = Set.copyOf(ratingGroups);
    serviceIdentifiers = Set.copyOf(serviceIdentifiers);
    excludedRatingGroups = Set.copyOf(excludedRatingGroups);
    if (ratingGroups.isEmpty() && serviceIdentifiers.isEmpty()) {
      throw new IllegalArgumentException("zero-rating needs a rating group or service identifier");
    }
  }

  @Override
  public PrivilegeKind kind() {
    return PrivilegeKind.ZERO_RATING;
  }
}
