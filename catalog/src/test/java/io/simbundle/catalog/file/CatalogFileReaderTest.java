package io.simbundle.catalog.file;

import static io.simbundle.catalog.file.CatalogSamples.MINIMAL;
import static io.simbundle.catalog.file.CatalogSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.catalog.CatalogSources;
import io.simbundle.catalog.campaign.CampaignTerms;
import io.simbundle.catalog.campaign.FinalPayment;
import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.campaign.UnpaidDeposit;
import io.simbundle.catalog.campaign.WhenPartnerSilent;
import io.simbundle.catalog.notice.NoticeTemplates;
import io.simbundle.catalog.privilege.PartnerPerk;
import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.privilege.PrivilegeKind;
import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.catalog.privilege.SponsoredCalls;
import io.simbundle.catalog.privilege.TrafficGift;
import io.simbundle.catalog.privilege.ZeroRating;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.product.Province;
import io.simbundle.catalog.product.RevenueShare;
import io.simbundle.catalog.version.CatalogVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogFileReaderTest {

  private final CatalogFileReader reader = new CatalogFileReader();

  private CatalogVersion demo() {
    List<CatalogSources.Source> sources = new CatalogSources(true, Optional.empty()).read();
    assertThat(sources)
        .extracting(CatalogSources.Source::name)
        .containsExactly("demo-2026.11.yaml");
    return reader.read(sources.get(0).name(), sources.get(0).content()).version();
  }

  @Test
  void demoCatalogHasTheThreeCoBrandedCards() {
    CatalogVersion demo = demo();

    assertThat(demo.version()).isEqualTo("2026.11");
    assertThat(demo.effectiveFrom()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
    assertThat(demo.products())
        .extracting(ProductOffering::code, ProductOffering::partnerCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("wechat-wo", "tencent"),
            org.assertj.core.groups.Tuple.tuple("yixin-card", "netease"),
            org.assertj.core.groups.Tuple.tuple("tmall-card", "alibaba"));
    assertThat(demo.campaigns())
        .extracting(c -> c.code())
        .contains("yixun-wechat-wo-presale", "tmall-double-11");
  }

  @Test
  void weChatWoOffersNinePrivilegesInGuangdongWithVideoCallsExcluded() {
    ProductOffering weChatWo = demo().product("wechat-wo").orElseThrow();

    assertThat(weChatWo.provinces()).containsExactly(Province.GD);
    assertThat(weChatWo.soldIn(Province.GD)).isTrue();
    assertThat(weChatWo.soldIn(Province.BJ)).isFalse();
    assertThat(weChatWo.menu().options()).hasSize(9);
    assertThat(weChatWo.menu().lowerLimit()).isEqualTo(1);
    assertThat(weChatWo.menu().upperLimit()).isEqualTo(3);

    Privilege freeTraffic = weChatWo.privilege("wechat-free-traffic").orElseThrow();
    ZeroRating zeroRating = (ZeroRating) freeTraffic.benefit();
    assertThat(zeroRating.ratingGroups()).containsExactly(1000L);
    assertThat(zeroRating.excludedRatingGroups()).containsExactly(1001L);
    assertThat(zeroRating.monthlyCapMb()).contains(3072L);

    assertThat(weChatWo.privilege("group-chat-60").orElseThrow().benefit())
        .isEqualTo(new PartnerPerk("GROUP_CHAT_60"));
    assertThat(weChatWo.privilege("hd-pictures").orElseThrow().requires())
        .containsExactly("wechat-free-traffic");
    assertThat(weChatWo.privilege("people-nearby").orElseThrow().b2b2cTypes())
        .containsExactlyInAnyOrder(2, 4);
  }

  @Test
  void yixinCardIsNationwideWithAMonthlyGiftOnRatingGroup2000() {
    ProductOffering yixin = demo().product("yixin-card").orElseThrow();

    assertThat(yixin.nationwide()).isTrue();
    assertThat(yixin.soldIn(Province.XJ)).isTrue();
    assertThat(yixin.includedPrivileges())
        .singleElement()
        .satisfies(
            gift -> {
              assertThat(gift.kind()).isEqualTo(PrivilegeKind.TRAFFIC_GIFT);
              assertThat(gift.benefit())
                  .isEqualTo(new TrafficGift(500, Recurrence.MONTHLY, 31, Set.of(2000L)));
            });
  }

  @Test
  void aTmallSubscriberHoldsTheWelcomeGiftAndTheChosenOptionsButNoUnknownCode() {
    ProductOffering tmall = demo().product("tmall-card").orElseThrow();

    assertThat(tmall.heldWith(List.of("alipay-free-traffic", "no-such-option", "tmall-coupon")))
        .extracting(Privilege::code)
        .containsExactly("tmall-welcome-gift", "alipay-free-traffic", "tmall-coupon");
    assertThat(tmall.heldWith(List.of()))
        .extracting(Privilege::code)
        .containsExactly("tmall-welcome-gift");
  }

  @Test
  void minimalDocumentIsReadWithDefaultsAndChecksum() {
    CatalogFile file = reader.read("minimal.yaml", bytes(MINIMAL));

    assertThat(file.source()).isEqualTo("minimal.yaml");
    assertThat(file.checksum()).hasSize(64).isEqualTo(CatalogFileReader.sha256(bytes(MINIMAL)));
    assertThat(file.version().movesExistingSubscribers()).isFalse();
    ProductOffering card = file.version().product("card").orElseThrow();
    assertThat(card.description()).isEmpty();
    assertThat(card.lifecycleStatus().tmfName()).isEqualTo("Launched");
    assertThat(file.version().campaigns().get(0).depositFen()).isZero();
    assertThat(card.plan().voiceUnitSeconds()).as("per started minute").isEqualTo(60);
  }

  @Test
  void aPresaleTakesADepositAndTheRestInItsFinalPaymentWindow() {
    CatalogVersion version = demo();
    PresaleCampaign double11 = version.campaign("tmall-double-11-presale").orElseThrow();
    PresaleCampaign yixun = version.campaign("yixun-wechat-wo-presale").orElseThrow();
    Instant ordered = Instant.parse("2026-11-05T02:00:00Z");

    assertThat(double11.terms().priceFen()).isEqualTo(5900);
    assertThat(double11.terms().finalPaymentFen()).isEqualTo(3900);
    FinalPayment onTheDay = double11.terms().finalPayment().orElseThrow();
    assertThat(onTheDay.opens(ordered)).isEqualTo(Instant.parse("2026-11-10T16:00:00Z"));
    assertThat(onTheDay.closes(ordered)).isEqualTo(Instant.parse("2026-11-11T16:00:00Z"));
    assertThat(double11.terms().whenPartnerSilent()).isEqualTo(WhenPartnerSilent.REFUSE);
    FinalPayment rolling = yixun.terms().finalPayment().orElseThrow();
    assertThat(rolling.opens(ordered)).isEqualTo(ordered);
    assertThat(rolling.closes(ordered)).isEqualTo(ordered.plus(Duration.ofDays(15)));
    assertThat(yixun.terms().unpaidDeposit()).isEqualTo(UnpaidDeposit.KEPT);
    assertThat(version.campaign("tmall-flagship").orElseThrow().terms().instalmentMonths())
        .as("Alipay credit pays twelve monthly fees")
        .isEqualTo(12);
    assertThat(version.campaign("tmall-flagship").orElseThrow().terms().maxItemsPerOrder())
        .as("a family orders its cards together")
        .isEqualTo(5);
    assertThat(yixun.terms().maxItemsPerOrder()).as("one card an order unless told").isEqualTo(1);
  }

  @Test
  void theOperatorThePartnerAndTheIntegratorShareTheMonthlyFee() {
    RevenueShare weChatWo = demo().product("wechat-wo").orElseThrow().revenueShare();
    RevenueShare yixin = demo().product("yixin-card").orElseThrow().revenueShare();

    assertThat(weChatWo.integrator()).hasValue("asiainfo");
    assertThat(
            List.of(
                weChatWo.partnerSharePercent(),
                weChatWo.integratorSharePercent(),
                weChatWo.operatorSharePercent()))
        .containsExactly(10, 5, 85);
    assertThat(yixin.integrator()).isEmpty();
    assertThat(yixin.operatorSharePercent()).isEqualTo(95);
  }

  @Test
  void aCampaignWithoutTermsIsPaidAtOncePricedAtThePlansFeeAndReturnableForSevenDays() {
    CampaignTerms terms =
        reader.read("minimal.yaml", bytes(MINIMAL)).version().campaigns().get(0).terms();

    assertThat(terms)
        .isEqualTo(CampaignTerms.paidAtOnce(3600))
        .extracting(CampaignTerms::returnWindowDays)
        .isEqualTo(7);
  }

  @Test
  void aPlanMayChargeCallsInUnitsOfItsOwn() {
    CatalogFile file =
        reader.read(
            "six-seconds.yaml",
            bytes(CatalogSamples.minimalWith("sms: 50 }", "sms: 50, voiceUnitSeconds: 6 }")));

    assertThat(file.version().product("card").orElseThrow().plan().voiceUnitSeconds()).isEqualTo(6);
  }

  @Test
  void sponsoredCallsAndPricesBeyondThePlanAreRead() {
    CatalogFile file =
        reader.read(
            "calls.yaml",
            bytes(
                CatalogSamples.minimalWith(
                        "kind: PARTNER_PERK\n          perkCode: GROUP_CHAT_60",
                        "kind: SPONSORED_CALLS\n          minutesPerCycle: 100\n"
                            + "          calledPrefixes: [\"8612593\", \"86400\"]")
                    .replace("sms: 50 }", "sms: 50, voiceOverageFenPerMinute: 15 }")));

    ProductOffering card = file.version().product("card").orElseThrow();
    assertThat(card.privilege("big-groups").orElseThrow().benefit())
        .isEqualTo(new SponsoredCalls(100, Set.of("8612593", "86400")));
    assertThat(card.plan().voiceOverageFenPerMinute()).contains(15L);
    assertThat(card.plan().smsOverageFen()).as("not priced: refused beyond the plan").isEmpty();
  }

  @Test
  void jsonCatalogFilesAreReadLikeYaml() {
    String json =
        """
        {"version": "j-1", "effectiveFrom": "2026-01-01T00:00:00Z",
         "partners": [{"code": "netease", "name": "NetEase"}],
         "products": [{"code": "yixin", "name": "Yixin", "partner": "netease",
           "plan": {"monthlyFeeFen": 0, "dataMb": 0, "voiceMinutes": 0, "sms": 0},
           "privilegeMenu": {"name": "none", "lowerLimit": 0, "upperLimit": 0, "privileges": []}}]}
        """;

    CatalogVersion version = reader.read("catalog.json", bytes(json)).version();

    assertThat(version.product("yixin").orElseThrow().menu().options()).isEmpty();
    assertThat(version.campaigns()).isEmpty();
  }

  @Test
  void noticeTextsAreTheCatalogsWhereItHasThemAndTheEnginesOtherwise() {
    CatalogFile file =
        reader.read(
            "notices.yaml",
            bytes(
                CatalogSamples.minimalWith(
                    "perBuyerLimit: 1\n",
                    "perBuyerLimit: 1\nnotices:\n  usage.threshold.DATA:\n"
                        + "    zh: \"【沃】流量已用{percent}%（{used}/{limit}）\"\n"
                        + "    en: \"[Wo] {percent}% of your data used ({used} of {limit})\"\n")));
    NoticeTemplates notices = file.version().notices();
    Map<String, String> values = Map.of("percent", "80", "used", "400 MB", "limit", "500 MB");

    assertThat(notices.render("usage.threshold.DATA", "zh", values))
        .hasValue("【沃】流量已用80%（400 MB/500 MB）");
    assertThat(notices.render("usage.threshold.DATA", "en", values))
        .hasValue("[Wo] 80% of your data used (400 MB of 500 MB)");
    assertThat(notices.render("usage.threshold.SMS", "en", values))
        .as("a kind the catalog leaves out: the engine's words")
        .hasValue("You have used 80% of this month's SMS (400 MB of 500 MB).");
    assertThat(notices.render("no.such.kind", "en", values)).isEmpty();
  }
}
