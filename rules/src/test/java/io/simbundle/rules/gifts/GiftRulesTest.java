package io.simbundle.rules.gifts;

import static io.simbundle.rules.RulesFixture.DEMO_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.rules.GiftRequest;
import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.decision.GrantedGift;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every gift rule and every row of the presale bonus table, granted and not granted. */
class GiftRulesTest {

  private static final Instant PRESALE_START = Instant.parse("2026-11-01T02:00:00Z");

  private static Decision gifts(
      String product,
      List<String> chosen,
      boolean newToOperator,
      Optional<String> campaign,
      long sequence,
      Instant orderedAt) {
    return RulesFixture.service()
        .gifts(
            DEMO_CATALOG,
            new GiftRequest(product, chosen, newToOperator, false, campaign, sequence, orderedAt));
  }

  /** The gifts of a plain WeChat Wo order placed in the Yixun presale. */
  private static List<String> presaleGiftCodes(long sequence, Instant orderedAt) {
    return giftCodes(
        gifts(
            "wechat-wo",
            List.of(),
            false,
            Optional.of("yixun-wechat-wo-presale"),
            sequence,
            orderedAt));
  }

  private static List<String> giftCodes(Decision decision) {
    return decision.gifts().stream().map(GrantedGift::code).toList();
  }

  @Test
  void yixinCardGetsItsMonthlyGiftOnRatingGroup2000() {
    Decision decision =
        gifts("yixin-card", List.of(), false, Optional.empty(), 0, RulesFixture.NOW);

    assertThat(decision.approved()).isTrue();
    assertThat(decision.gifts())
        .containsExactly(
            new GrantedGift(
                "yixin-monthly-gift", 500, Recurrence.MONTHLY, 31, Set.of(2000L), "PRODUCT_GIFT"));
    assertThat(decision.firedRules()).containsExactly("The card's included gifts");
  }

  @Test
  void chosenGiftPrivilegeIsGrantedAndOtherChoicesGrantNothing() {
    Decision withMovies =
        gifts(
            "wechat-wo",
            List.of("hd-movies", "free-games"),
            false,
            Optional.empty(),
            0,
            RulesFixture.NOW);
    Decision withoutGift =
        gifts("wechat-wo", List.of("free-games"), false, Optional.empty(), 0, RulesFixture.NOW);

    assertThat(withMovies.gifts())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.code()).isEqualTo("hd-movies");
              assertThat(g.ratingGroups()).containsExactly(1003L);
              assertThat(g.reasonCode()).isEqualTo("CHOSEN_GIFT");
            });
    assertThat(withoutGift.gifts()).isEmpty();
  }

  @Test
  void welcomeGiftOnlyForUsersNewToTheOperator() {
    assertThat(
            giftCodes(gifts("wechat-wo", List.of(), true, Optional.empty(), 0, RulesFixture.NOW)))
        .containsExactly("welcome-gift");
    assertThat(
            giftCodes(gifts("wechat-wo", List.of(), false, Optional.empty(), 0, RulesFixture.NOW)))
        .isEmpty();
  }

  @Test
  void presaleBonusForTheFirstThousandOrders() {
    Instant dayTwo = PRESALE_START.plusSeconds(86_400);

    assertThat(presaleGiftCodes(1000, dayTwo)).containsExactly("yixun-first-1000");
    assertThat(presaleGiftCodes(1001, dayTwo)).isEmpty();
  }

  @Test
  void presaleBonusForOrdersInTheFirstHour() {
    assertThat(presaleGiftCodes(5000, PRESALE_START.plusSeconds(59 * 60)))
        .containsExactly("yixun-first-hour");
    assertThat(presaleGiftCodes(5000, PRESALE_START.plusSeconds(60 * 60))).isEmpty();
  }

  @Test
  void earlyOrderInTheFirstHourGetsBothBonusesAndTheReasons() {
    Decision decision =
        gifts(
            "wechat-wo",
            List.of(),
            true,
            Optional.of("yixun-wechat-wo-presale"),
            1,
            PRESALE_START.plusSeconds(30));

    assertThat(giftCodes(decision))
        .containsExactlyInAnyOrder("yixun-first-1000", "yixun-first-hour", "welcome-gift");
    assertThat(decision.reasonCodes())
        .containsExactlyInAnyOrder("PRESALE_BONUS", "PRESALE_BONUS", "WELCOME_GIFT");
    assertThat(decision.firedRules()).hasSize(3);
  }

  @Test
  void tmallCardGetsItsWelcomeDataAndTheDoubleElevenBonus() {
    Decision decision =
        gifts(
            "tmall-card",
            List.of("taobao-free-traffic"),
            false,
            Optional.of("tmall-double-11"),
            19_999,
            Instant.parse("2026-11-10T18:00:00Z"));

    assertThat(giftCodes(decision))
        .containsExactlyInAnyOrder("tmall-welcome-gift", "double-11-bonus");
    GrantedGift bonus =
        decision.gifts().stream()
            .filter(g -> g.code().equals("double-11-bonus"))
            .findFirst()
            .orElseThrow();
    assertThat(bonus.megabytes()).isEqualTo(2048);
    assertThat(bonus.ratingGroups()).isEmpty();
  }
}
