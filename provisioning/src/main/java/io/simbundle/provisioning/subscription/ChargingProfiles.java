package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.SponsoredCalls;
import io.simbundle.catalog.privilege.TrafficGift;
import io.simbundle.catalog.privilege.ZeroRating;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.version.CatalogTimeline;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.GiftGrant;
import io.simbundle.charging.profile.PlanExtras;
import io.simbundle.charging.profile.ProfileOrigin;
import io.simbundle.charging.profile.SponsoredMinutes;
import io.simbundle.charging.profile.ZeroRatedService;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns a card and the privileges a subscriber holds into the charging function's profile. */
public final class ChargingProfiles {

  /** Billing cycles are calendar months in Beijing time. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** Default internet: the rating group of traffic no privilege names. */
  public static final long DEFAULT_RATING_GROUP = 10;

  private static final long MB = 1024L * 1024L;

  private ChargingProfiles() {}

  /**
   * A profile whose gifts come from the privileges themselves, granted at {@code at}.
   *
   * @param privileges the privileges the subscriber holds: chosen and included ones
   * @param at an instant inside the billing cycle wanted
   */
  public static ChargingProfile of(
      String msisdn,
      Optional<String> imsi,
      ProductOffering product,
      String partnerCode,
      List<Privilege> privileges,
      Instant at) {
    List<GiftGrant> gifts = new ArrayList<>();
    LocalDate granted = at.atZone(CHINA).toLocalDate();
    for (Privilege privilege : privileges) {
      if (privilege.benefit() instanceof TrafficGift gift) {
        gifts.add(
            new GiftGrant(
                privilege.code(),
                gift.megabytes() * MB,
                gift.ratingGroups(),
                granted.plusDays(gift.validityDays()).atStartOfDay(CHINA).toInstant()));
      }
    }
    return of(msisdn, imsi, product, partnerCode, privileges, gifts, at);
  }

  /**
   * A profile with the gifts given, and the zero-rating of the privileges held.
   *
   * @param at an instant inside the billing cycle wanted
   */
  public static ChargingProfile of(
      String msisdn,
      Optional<String> imsi,
      ProductOffering product,
      String partnerCode,
      List<Privilege> privileges,
      List<GiftGrant> gifts,
      Instant at) {
    YearMonth month = cycleOf(at);
    List<SponsoredMinutes> sponsoredMinutes = new ArrayList<>();
    List<ZeroRatedService> zeroRated = new ArrayList<>();
    for (Privilege privilege : privileges) {
      if (privilege.benefit() instanceof ZeroRating zero) {
        zeroRated.add(
            new ZeroRatedService(
                privilege.code(),
                partnerCode,
                zero.ratingGroups(),
                zero.serviceIdentifiers(),
                zero.monthlyCapMb().map(mb -> mb * MB),
                zero.excludedRatingGroups()));
      } else if (privilege.benefit() instanceof SponsoredCalls calls) {
        sponsoredMinutes.add(
            new SponsoredMinutes(
                privilege.code(),
                partnerCode,
                calls.minutesPerCycle() * 60L,
                calls.calledPrefixes()));
      }
    }
    return new ChargingProfile(
        msisdn,
        imsi,
        product.plan().dataMb() * MB,
        cycleStart(month),
        cycleStart(month.plusMonths(1)),
        zeroRated,
        gifts,
        product.plan().sms(),
        product.plan().voiceMinutes() * 60L,
        product.plan().voiceUnitSeconds(),
        ProfileOrigin.UNRECORDED,
        new PlanExtras(
            sponsoredMinutes,
            product.plan().voiceOverageFenPerMinute(),
            product.plan().smsOverageFen()));
  }

  /** The billing cycle an instant falls in. */
  public static YearMonth cycleOf(Instant at) {
    return YearMonth.from(at.atZone(CHINA));
  }

  /** When a billing cycle starts. */
  public static Instant cycleStart(YearMonth cycle) {
    return cycle.atDay(1).atStartOfDay(CHINA).toInstant();
  }

  /** Megabytes in bytes. */
  public static long bytes(long megabytes) {
    return megabytes * MB;
  }

  /** Every rating group the catalog names, and default internet. */
  public static Set<Long> ratingGroupsOf(CatalogTimeline timeline) {
    Set<Long> groups = new HashSet<>();
    groups.add(DEFAULT_RATING_GROUP);
    timeline.versions().stream()
        .flatMap(v -> v.products().stream())
        .flatMap(ProductOffering::allPrivileges)
        .forEach(
            p -> {
              if (p.benefit() instanceof ZeroRating zero) {
                groups.addAll(zero.ratingGroups());
                groups.addAll(zero.excludedRatingGroups());
              } else if (p.benefit() instanceof TrafficGift gift) {
                groups.addAll(gift.ratingGroups());
              }
            });
    return groups;
  }
}
