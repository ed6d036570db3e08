package io.simbundle.charging.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.GiftGrant;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.charging.store.UsageRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WhyChargedTest {

  private static final String MSISDN = "8618600000001";

  private static ChargingProfile weChatWo(ZeroRatedService... privileges) {
    ChargingProfile plain = ChargingFixture.plainProfile(MSISDN, 500 * ChargingFixture.MB);
    return new ChargingProfile(
        MSISDN,
        Optional.empty(),
        plain.allowanceBytes(),
        plain.cycleStart(),
        plain.cycleEnd(),
        List.of(privileges),
        List.of(
            new GiftGrant(
                "hd-movies",
                1024 * ChargingFixture.MB,
                Set.of(1003L),
                Instant.now().plusSeconds(60))));
  }

  private static UsageRecord usage(long ratingGroup, String kind, String paidBy, String partner) {
    return new UsageRecord(MSISDN, LocalDate.now(), ratingGroup, kind, paidBy, partner, 1024);
  }

  @Test
  void zeroRatedTrafficNamesThePrivilegeAndItsSponsor() {
    assertEquals(
        "free: rating group 1000 is zero-rated by the privilege wechat-free-traffic, sponsored by"
            + " tencent",
        WhyCharged.explain(
            usage(1000, "ZERO_RATED", "wechat-free-traffic", "tencent"),
            weChatWo(ChargingFixture.weChatFreeTraffic())));
  }

  @Test
  void videoCallsAreChargedBecauseThePrivilegeExcludesThem() {
    assertEquals(
        "charged to the plan's allowance: the privilege wechat-free-traffic zero-rates rating"
            + " groups [1000] but not 1001",
        WhyCharged.explain(
            usage(1001, "ALLOWANCE", "allowance", ""),
            weChatWo(ChargingFixture.weChatFreeTraffic())));
  }

  @Test
  void coveredTrafficPaidByTheAllowanceMeansTheMonthlyCapWasReached() {
    assertEquals(
        "charged to the plan's allowance: the privilege wechat-free-traffic covers rating group"
            + " 1000 up to 3072 MB a month, and that was used up",
        WhyCharged.explain(
            usage(1000, "ALLOWANCE", "allowance", ""),
            weChatWo(ChargingFixture.weChatFreeTraffic())));
  }

  @Test
  void aSpentGiftIsNamedWhenItCoveredTheRatingGroup() {
    assertEquals(
        "charged to the plan's allowance: the gift hd-movies covers rating group 1003 but was"
            + " spent or had expired",
        WhyCharged.explain(usage(1003, "ALLOWANCE", "allowance", ""), weChatWo()));
  }

  @Test
  void giftPaidTrafficNamesTheGift() {
    assertEquals(
        "free: paid from the traffic gift hd-movies",
        WhyCharged.explain(usage(1003, "GIFT", "hd-movies", ""), weChatWo()));
  }

  @Test
  void trafficNothingCoversSaysSo() {
    assertEquals(
        "charged to the plan's allowance: no privilege or gift of this subscriber covers rating"
            + " group 10",
        WhyCharged.explain(
            usage(10, "ALLOWANCE", "allowance", ""),
            weChatWo(ChargingFixture.weChatFreeTraffic())));
  }
}
