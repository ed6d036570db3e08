package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.charging.profile.GiftGrant;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Which of a subscription's gifts are in force in a billing cycle: a one-off gift until it lapses,
 * a monthly one granted afresh each cycle (from activation in the first).
 */
final class GiftSchedule {

  private GiftSchedule() {}

  static List<GiftGrant> inCycle(List<HeldGift> gifts, YearMonth cycle) {
    Instant cycleStart = ChargingProfiles.cycleStart(cycle);
    List<GiftGrant> grants = new ArrayList<>();
    for (HeldGift gift : gifts) {
      Instant granted =
          gift.recurrence() == Recurrence.ONCE || gift.grantedAt().isAfter(cycleStart)
              ? gift.grantedAt()
              : cycleStart;
      Instant expires =
          granted
              .atZone(ChargingProfiles.CHINA)
              .toLocalDate()
              .plusDays(gift.granted().validityDays())
              .atStartOfDay(ChargingProfiles.CHINA)
              .toInstant();
      if (expires.isAfter(cycleStart) && gift.granted().megabytes() > 0) {
        grants.add(
            new GiftGrant(
                gift.code(),
                ChargingProfiles.bytes(gift.granted().megabytes()),
                gift.granted().ratingGroups(),
                expires));
      }
    }
    return grants;
  }
}
