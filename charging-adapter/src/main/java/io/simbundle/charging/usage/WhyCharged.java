package io.simbundle.charging.usage;

import io.simbundle.charging.account.Source;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.GiftGrant;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.charging.store.UsageRecord;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Answers a subscriber's "why was this charged?" for one usage record, in words customer care can
 * read out: which privilege made it free, which gift paid, or — when the plan's allowance paid —
 * what would have covered it and why it did not.
 */
public final class WhyCharged {

  private static final long MB = 1024L * 1024L;

  private WhyCharged() {}

  public static String explain(UsageRecord usage, ChargingProfile profile) {
    long ratingGroup = usage.ratingGroup();
    return switch (Source.Kind.valueOf(usage.paidByKind())) {
      case ZERO_RATED ->
          "free: rating group %d is zero-rated by the privilege %s, sponsored by %s"
              .formatted(ratingGroup, usage.paidBy(), usage.partnerCode());
      case GIFT -> "free: paid from the traffic gift " + usage.paidBy();
      case ALLOWANCE -> "charged to the plan's allowance: " + whyNotFree(ratingGroup, profile);
    };
  }

  private static String whyNotFree(long ratingGroup, ChargingProfile profile) {
    Optional<ZeroRatedService> excluding =
        profile.zeroRated().stream()
            .filter(z -> z.excludedRatingGroups().contains(ratingGroup))
            .findFirst();
    if (excluding.isPresent()) {
      return "the privilege %s zero-rates rating groups %s but not %d"
          .formatted(
              excluding.get().privilegeCode(),
              new TreeSet<>(excluding.get().ratingGroups()),
              ratingGroup);
    }
    Optional<ZeroRatedService> covering =
        profile.zeroRated().stream()
            .filter(z -> z.covers(ratingGroup, Optional.empty()))
            .findFirst();
    if (covering.isPresent()) {
      ZeroRatedService privilege = covering.get();
      return privilege
          .monthlyCapBytes()
          .map(
              cap ->
                  "the privilege %s covers rating group %d up to %d MB a month, and that was used up"
                      .formatted(privilege.privilegeCode(), ratingGroup, cap / MB))
          .orElse(
              "the privilege %s, which covers rating group %d, was not chosen yet when this was used"
                  .formatted(privilege.privilegeCode(), ratingGroup));
    }
    Optional<GiftGrant> gift =
        profile.gifts().stream()
            .filter(g -> g.ratingGroups().isEmpty() || g.ratingGroups().contains(ratingGroup))
            .findFirst();
    if (gift.isPresent()) {
      return "the gift %s covers rating group %d but was spent or had expired"
          .formatted(gift.get().code(), ratingGroup);
    }
    return "no privilege or gift of this subscriber covers rating group " + ratingGroup;
  }
}
