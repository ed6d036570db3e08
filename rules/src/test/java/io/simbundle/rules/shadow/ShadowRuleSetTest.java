package io.simbundle.rules.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.catalog.product.Province;
import io.simbundle.rules.GiftRequest;
import io.simbundle.rules.PrivilegeSelectionRequest;
import io.simbundle.rules.QualificationRequest;
import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.fact.Policy;
import io.simbundle.rules.ruleset.RuleBook;
import io.simbundle.rules.ruleset.RuleSetCompiler;
import io.simbundle.rules.ruleset.RuleSource;
import io.simbundle.rules.ruleset.RuleSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A candidate rule set decides beside the one in force and changes no answer; its report counts
 * what it would have changed, by question, rule and reason, with examples and no personal data.
 */
class ShadowRuleSetTest {

  private static RulesService rules;
  private static RuleBook book;

  @BeforeAll
  static void compile() {
    book = RuleBook.open(new RuleSources(Optional.empty()), new RuleSetCompiler(Clock.systemUTC()));
    rules = new RulesService(book, Policy.defaults());
  }

  private static String shipped(String name) {
    try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("rules/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static QualificationRequest buyerBorn(String yyyyMMdd) {
    return new QualificationRequest(
        "wechat-wo",
        Optional.empty(),
        "web",
        Province.GD,
        "张三",
        RulesFixture.idNumberBornOn(yyyyMMdd),
        true,
        false,
        0,
        0,
        0,
        1,
        1,
        RulesFixture.NOW);
  }

  private static GiftRequest presaleGifts() {
    return new GiftRequest(
        "wechat-wo",
        List.of("wechat-free-traffic"),
        true,
        false,
        Optional.of("yixun-wechat-wo-presale"),
        10,
        Instant.parse("2026-11-05T02:30:00Z"));
  }

  @Test
  void aCandidateDecidesBesideTheRulesInForceAndReportsWhatItWouldChange() {
    String youngerBuyers =
        shipped("qualification.drl").replace("age < $minimum", "age < $minimum - 2");
    String biggerBonus =
        shipped("presale-bonus.csv").replace("yixun-first-1000,1024,", "yixun-first-1000,2048,");
    Decision teenBefore = rules.qualify(RulesFixture.DEMO_CATALOG, buyerBorn("20120101"));
    Decision giftsBefore = rules.gifts(RulesFixture.DEMO_CATALOG, presaleGifts());

    rules.shadow(
        book.compileCandidate(
            List.of(
                new RuleSource("qualification.drl", youngerBuyers.getBytes(StandardCharsets.UTF_8)),
                new RuleSource(
                    "presale-bonus.csv", biggerBonus.getBytes(StandardCharsets.UTF_8)))));
    Decision teen = rules.qualify(RulesFixture.DEMO_CATALOG, buyerBorn("20120101"));
    Decision adult = rules.qualify(RulesFixture.DEMO_CATALOG, buyerBorn("19900101"));
    Decision gifts = rules.gifts(RulesFixture.DEMO_CATALOG, presaleGifts());
    rules.checkPrivileges(
        RulesFixture.DEMO_CATALOG,
        new PrivilegeSelectionRequest("wechat-wo", List.of("wechat-free-traffic"), true, false));
    ShadowRuleSet.Report report = rules.shadow().orElseThrow().report(book.current().version());

    assertThat(teen).as("the answer in force is unchanged").isEqualTo(teenBefore);
    assertThat(teen.approved()).isFalse();
    assertThat(adult.approved()).isTrue();
    assertThat(gifts).isEqualTo(giftsBefore);
    assertThat(report.compared()).isEqualTo(4);
    assertThat(report.changed()).isEqualTo(2);
    assertThat(report.byQuestion().get("qualification")).containsExactly(2, 1);
    assertThat(report.byQuestion().get("gifts")).containsExactly(1, 1);
    assertThat(report.byQuestion().get("privilege-selection")).containsExactly(1, 0);
    assertThat(report.byRule()).containsEntry("Buyer must be old enough", 1L);
    assertThat(report.byReason()).containsEntry("-TOO_YOUNG", 1L);
    assertThat(report.candidateVersion()).isNotEqualTo(report.inForceVersion());
    assertThat(report.examples())
        .anySatisfy(
            example -> {
              assertThat(example.question()).isEqualTo("gifts");
              assertThat(example.giftsInForce()).contains("yixun-first-1000:1024");
              assertThat(example.giftsOfCandidate()).contains("yixun-first-1000:2048");
            });
    assertThat(report.examples().toString())
        .doesNotContain(RulesFixture.idNumberBornOn("20120101"));
  }

  @Test
  void promotingPutsTheCandidateInForceAndDiscardingLeavesTheRulesAlone() {
    RuleBook own =
        RuleBook.open(new RuleSources(Optional.empty()), new RuleSetCompiler(Clock.systemUTC()));
    RulesService service = new RulesService(own, Policy.defaults());
    String before = own.current().version();
    String youngerBuyers =
        shipped("qualification.drl").replace("age < $minimum", "age < $minimum - 2");

    service.shadow(
        own.compileCandidate(
            List.of(
                new RuleSource(
                    "qualification.drl", youngerBuyers.getBytes(StandardCharsets.UTF_8)))));
    boolean discarded = service.discard();
    Decision afterDiscard = service.qualify(RulesFixture.DEMO_CATALOG, buyerBorn("20120101"));
    service.shadow(
        own.compileCandidate(
            List.of(
                new RuleSource(
                    "qualification.drl", youngerBuyers.getBytes(StandardCharsets.UTF_8)))));
    ShadowRuleSet.Report promotedOn = service.promote();
    Decision afterPromotion = service.qualify(RulesFixture.DEMO_CATALOG, buyerBorn("20120101"));

    assertThat(discarded).isTrue();
    assertThat(afterDiscard.approved()).isFalse();
    assertThat(afterDiscard.ruleSetVersion()).isEqualTo(before);
    assertThat(own.current().version()).isEqualTo(promotedOn.candidateVersion());
    assertThat(afterPromotion.approved()).as("14-year-olds may buy under the candidate").isTrue();
    assertThat(service.shadow()).isEmpty();
  }
}
