package io.simbundle.rules.realname;

import static io.simbundle.rules.RulesFixture.NOW;
import static io.simbundle.rules.RulesFixture.idNumberBornOn;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.decision.Decision;
import org.junit.jupiter.api.Test;

/**
 * The real-name check of a card's holder, at activation and for each holder an order names: only
 * the rules about the person decide it.
 */
class RealNameCheckTest {

  @Test
  void adultWithAValidIdNumberAndFewCardsPasses() {
    Decision decision =
        RulesFixture.service().checkRealName("张三", idNumberBornOn("19900307"), 0, 1, NOW);

    assertThat(decision.approved()).isTrue();
    assertThat(decision.reasonCodes()).isEmpty();
  }

  @Test
  void everyDefectOfThePersonIsReported() {
    String badCheckCharacter = idNumberBornOn("19900307").substring(0, 17) + "?";

    assertThat(
            RulesFixture.service().checkRealName(" ", badCheckCharacter, 0, 1, NOW).reasonCodes())
        .containsExactlyInAnyOrder("NAME_MISSING", "ID_NUMBER_INVALID");
  }

  @Test
  void minorsAndHoldersOfTooManyCardsAreRefused() {
    assertThat(
            RulesFixture.service()
                .checkRealName("李四", idNumberBornOn("20150101"), 0, 1, NOW)
                .reasonCodes())
        .containsExactly("TOO_YOUNG");
    assertThat(
            RulesFixture.service()
                .checkRealName("李四", idNumberBornOn("19800101"), 5, 1, NOW)
                .reasonCodes())
        .containsExactly("TOO_MANY_CARDS");
  }

  @Test
  void aHolderGivenSeveralCardsOfAnOrderCountsThemAllAgainstTheLimit() {
    assertThat(
            RulesFixture.service()
                .checkRealName("李四", idNumberBornOn("19800101"), 3, 2, NOW)
                .approved())
        .isTrue();
    assertThat(
            RulesFixture.service()
                .checkRealName("李四", idNumberBornOn("19800101"), 4, 2, NOW)
                .reasonCodes())
        .containsExactly("TOO_MANY_CARDS");
  }

  @Test
  void aHoldersRefusalSaysWhoItIsAboutAndJoinsTheBuyersDecision() {
    Decision buyer =
        RulesFixture.service().checkRealName("张三", idNumberBornOn("19900307"), 0, 1, NOW);
    Decision child =
        RulesFixture.service()
            .checkRealName("李小宝", idNumberBornOn("20150101"), 0, 1, NOW)
            .about("Card 2's holder", "第2张卡的使用人");

    Decision both = buyer.and(child);

    assertThat(both.approved()).isFalse();
    assertThat(both.reasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.code()).isEqualTo("TOO_YOUNG");
              assertThat(r.message()).startsWith("Card 2's holder: ");
              assertThat(r.messageZh()).startsWith("第2张卡的使用人：");
            });
    assertThat(both.ruleSetVersion()).isEqualTo(buyer.ruleSetVersion());
    assertThat(buyer.and(buyer).approved()).isTrue();
  }
}
