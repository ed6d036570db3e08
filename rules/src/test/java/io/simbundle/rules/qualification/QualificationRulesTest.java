package io.simbundle.rules.qualification;

import static io.simbundle.rules.RulesFixture.DEMO_CATALOG;
import static io.simbundle.rules.RulesFixture.NOW;
import static io.simbundle.rules.RulesFixture.idNumberBornOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.catalog.file.CatalogFileReader;
import io.simbundle.catalog.file.CatalogSamples;
import io.simbundle.catalog.product.Province;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.rules.QualificationRequest;
import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.decision.Decision;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every qualification rule, for the case it accepts and the case it rejects. */
class QualificationRulesTest {

  /** A buyer who qualifies for WeChat Wo in the Yixun presale; each setter changes one fact. */
  static final class Buyer {
    private String product = "wechat-wo";
    private Optional<String> campaign = Optional.of("yixun-wechat-wo-presale");
    private String channel = "yixun";
    private Province province = Province.GD;
    private String name = "张三";
    private String idNumber = idNumberBornOn("19900307");
    private boolean newOperatorUser;
    private boolean newPartnerUser;
    private int activeCards;
    private int campaignOrders;
    private long unitsSold;
    private int cardsInOrder = 1;
    private int cardsForBuyer = 1;
    private Instant at = NOW;

    static Buyer qualifying() {
      return new Buyer();
    }

    QualificationRequest request() {
      return new QualificationRequest(
          product,
          campaign,
          channel,
          province,
          name,
          idNumber,
          newOperatorUser,
          newPartnerUser,
          activeCards,
          campaignOrders,
          unitsSold,
          cardsInOrder,
          cardsForBuyer,
          at);
    }

    /** An order of several cards, of which the buyer holds {@code forBuyer}. */
    Buyer cards(int inOrder, int forBuyer) {
      cardsInOrder = inOrder;
      cardsForBuyer = forBuyer;
      return this;
    }

    /** The Tmall flagship store's everyday sale: five cards a buyer, five an order. */
    Buyer inTmallFlagship() {
      return product("tmall-card")
          .campaign(Optional.of("tmall-flagship"))
          .channel("tmall")
          .province(Province.SH);
    }

    Buyer product(String value) {
      product = value;
      return this;
    }

    Buyer campaign(Optional<String> value) {
      campaign = value;
      return this;
    }

    Buyer channel(String value) {
      channel = value;
      return this;
    }

    Buyer province(Province value) {
      province = value;
      return this;
    }

    Buyer name(String value) {
      name = value;
      return this;
    }

    Buyer idNumber(String value) {
      idNumber = value;
      return this;
    }

    Buyer activeCards(int value) {
      activeCards = value;
      return this;
    }

    Buyer campaignOrders(int value) {
      campaignOrders = value;
      return this;
    }

    Buyer unitsSold(long value) {
      unitsSold = value;
      return this;
    }

    Buyer at(Instant value) {
      at = value;
      return this;
    }

    Buyer newToOperator(boolean operator, boolean partner) {
      newOperatorUser = operator;
      newPartnerUser = partner;
      return this;
    }
  }

  private static Decision decide(Buyer buyer) {
    return RulesFixture.service().qualify(DEMO_CATALOG, buyer.request());
  }

  @Test
  void qualifyingBuyerIsQualifiedWithNoReasonAndTheRuleSetVersion() {
    Decision decision = decide(Buyer.qualifying());

    assertThat(decision.approved()).isTrue();
    assertThat(decision.reasons()).isEmpty();
    assertThat(decision.firedRules()).isEmpty();
    assertThat(decision.ruleSetVersion()).matches("r\\d+-[0-9a-f]{12}");
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        refused(
            "Product must be in the catalog",
            "UNKNOWN_PRODUCT",
            b -> b.product("no-such-card").campaign(Optional.empty())),
        refused(
            "Buyer must be in the product's area",
            "PROVINCE_NOT_SERVED",
            b -> b.province(Province.BJ).campaign(Optional.empty())),
        refused(
            "Campaign must be in the catalog",
            "UNKNOWN_CAMPAIGN",
            b -> b.campaign(Optional.of("no-such-campaign"))),
        refused(
            "Campaign must sell this product",
            "CAMPAIGN_PRODUCT_MISMATCH",
            b -> b.product("yixin-card")),
        refused(
            "Campaign must be open",
            "CAMPAIGN_NOT_OPEN",
            b -> b.at(Instant.parse("2026-11-01T01:59:59Z"))),
        refused("Campaign must have stock left", "SOLD_OUT", b -> b.unitsSold(100_000)),
        refused("Channel must sell the campaign", "CHANNEL_NOT_ALLOWED", b -> b.channel("tmall")),
        refused("Buyer must give a real name", "NAME_MISSING", b -> b.name(" ")),
        refused(
            "ID number must be valid", "ID_NUMBER_INVALID", b -> b.idNumber("110105194912310021")),
        refused(
            "Buyer must be old enough", "TOO_YOUNG", b -> b.idNumber(idNumberBornOn("20101124"))),
        refused("At most N active cards per ID number", "TOO_MANY_CARDS", b -> b.activeCards(5)),
        refused("Per-buyer campaign limit", "BUYER_LIMIT_REACHED", b -> b.campaignOrders(1)),
        refused(
            "Campaign closed to buyer type",
            "OFFER_NOT_FOR_BUYER_TYPE",
            b ->
                b.product("tmall-card")
                    .campaign(Optional.of("tmall-double-11"))
                    .channel("tmall")
                    .at(Instant.parse("2026-11-10T18:00:00Z"))));
  }

  private static Arguments refused(String rule, String code, UnaryOperator<Buyer> change) {
    return Arguments.of(rule, code, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void eachRuleRefusesWithItsOwnReason(String rule, String code, UnaryOperator<Buyer> change) {
    Decision decision = decide(change.apply(Buyer.qualifying()));

    assertThat(decision.approved()).isFalse();
    assertThat(decision.reasonCodes()).containsExactly(code);
    assertThat(decision.reasons().get(0).rule()).startsWith(rule);
    assertThat(decision.firedRules())
        .singleElement()
        .satisfies(r -> assertThat(r).startsWith(rule));
    assertThat(decision.reasons().get(0).message()).isNotBlank();
    assertThat(decision.reasons().get(0).messageZh()).isNotBlank();
  }

  static Stream<Arguments> boundaryAcceptances() {
    return Stream.of(
        accepted(
            "nationwide card anywhere",
            b ->
                b.product("yixin-card")
                    .campaign(Optional.empty())
                    .province(Province.XJ)
                    .channel("web")),
        accepted(
            "campaign opens at 10:00 Beijing time",
            b -> b.at(Instant.parse("2026-11-01T02:00:00Z"))),
        accepted("one card of stock left", b -> b.unitsSold(99_999)),
        accepted("exactly sixteen today", b -> b.idNumber(idNumberBornOn("20101123"))),
        accepted("four active cards", b -> b.activeCards(4)),
        accepted(
            "five cards in one order where a family may order five",
            b -> b.inTmallFlagship().cards(5, 1)),
        accepted(
            "a buyer holding five cards orders three for the family",
            b -> b.inTmallFlagship().activeCards(5).cards(3, 0)),
        accepted(
            "three ordered before and two now, of five a buyer",
            b -> b.inTmallFlagship().campaignOrders(3).cards(2, 1)),
        accepted("lower-case x check character", b -> b.idNumber("11010519491231002x")),
        accepted(
            "new operator user in Double-11",
            b ->
                b.product("tmall-card")
                    .campaign(Optional.of("tmall-double-11"))
                    .channel("tmall")
                    .province(Province.SH)
                    .newToOperator(true, false)
                    .at(Instant.parse("2026-11-10T18:00:00Z"))));
  }

  private static Arguments accepted(String what, UnaryOperator<Buyer> change) {
    return Arguments.of(what, change);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("boundaryAcceptances")
  void eachRuleAcceptsAtItsBoundary(String what, UnaryOperator<Buyer> change) {
    Decision decision = decide(change.apply(Buyer.qualifying()));

    assertThat(decision.reasonCodes()).as(what).isEmpty();
    assertThat(decision.approved()).isTrue();
  }

  /** A catalog edited from the test sample: a nationwide card, a Guangdong-only campaign. */
  private static CatalogVersion sampleCatalog(String original, String replacement) {
    String document =
        CatalogSamples.minimalWith("    provinces: [GD]\n", "")
            .replace("channels: [yixun]", "channels: [yixun]\n    provinces: [GD]")
            .replace(original, replacement);
    return new CatalogFileReader().read("sample.yaml", CatalogSamples.bytes(document)).version();
  }

  private static Decision decideOnSample(CatalogVersion catalog, Buyer buyer) {
    return RulesFixture.service()
        .qualify(
            catalog,
            buyer
                .product("card")
                .campaign(Optional.of("presale"))
                .at(Instant.parse("2026-01-15T00:00:00Z"))
                .request());
  }

  @Test
  void productNotLaunchedIsNotOnSale() {
    CatalogVersion retired =
        sampleCatalog("partner: tencent", "partner: tencent\n    lifecycleStatus: Retired");

    assertThat(decideOnSample(retired, Buyer.qualifying()).reasonCodes())
        .containsExactly("PRODUCT_NOT_ON_SALE");
    assertThat(decideOnSample(sampleCatalog("", ""), Buyer.qualifying()).approved()).isTrue();
  }

  @Test
  void campaignAreaNarrowerThanTheProductsIsEnforced() {
    CatalogVersion catalog = sampleCatalog("", "");

    assertThat(decideOnSample(catalog, Buyer.qualifying().province(Province.BJ)).reasonCodes())
        .containsExactly("CAMPAIGN_PROVINCE");
    assertThat(decideOnSample(catalog, Buyer.qualifying().province(Province.GD)).approved())
        .isTrue();
  }

  @Test
  void everyCardOfAnOrderCountsAgainstTheBuyersCampaignLimit() {
    Decision decision = decide(Buyer.qualifying().inTmallFlagship().campaignOrders(3).cards(3, 0));

    assertThat(decision.reasonCodes()).containsExactly("BUYER_LIMIT_REACHED");
    assertThat(decision.reasons().get(0).message()).contains("this buyer has 3 and asks for 3");
  }

  @Test
  void aCampaignRefusesMoreCardsInOneOrderThanItSellsAtOnce() {
    Decision decision = decide(Buyer.qualifying().cards(2, 2));

    assertThat(decision.reasonCodes()).contains("TOO_MANY_ITEMS");
    assertThat(decision.reasons())
        .filteredOn(r -> r.code().equals("TOO_MANY_ITEMS"))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.message())
                    .isEqualTo(
                        "Campaign 'yixun-wechat-wo-presale' sells at most 1 card(s) per order;"
                            + " this order asks for 2."));
  }

  @Test
  void theCardsTheBuyerWillHoldCountAgainstTheLimitOfActiveCards() {
    assertThat(decide(Buyer.qualifying().inTmallFlagship().activeCards(3).cards(3, 2)).approved())
        .isTrue();
    assertThat(
            decide(Buyer.qualifying().inTmallFlagship().activeCards(4).cards(3, 2)).reasonCodes())
        .containsExactly("TOO_MANY_CARDS");
  }

  @Test
  void everyProblemIsReportedNotOnlyTheFirst() {
    Decision decision =
        decide(Buyer.qualifying().province(Province.BJ).name("").activeCards(9).unitsSold(200_000));

    assertThat(decision.approved()).isFalse();
    assertThat(decision.reasonCodes())
        .containsExactlyInAnyOrder(
            "PROVINCE_NOT_SERVED",
            "CAMPAIGN_PROVINCE",
            "NAME_MISSING",
            "TOO_MANY_CARDS",
            "SOLD_OUT");
  }

  @Test
  void requestNeverShowsTheWholeIdNumber() {
    String id = idNumberBornOn("19900307");

    assertThat(Buyer.qualifying().idNumber(id).request().toString()).doesNotContain(id);
  }
}
