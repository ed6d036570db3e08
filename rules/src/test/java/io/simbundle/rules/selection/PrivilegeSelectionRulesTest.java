package io.simbundle.rules.selection;

import static io.simbundle.rules.RulesFixture.DEMO_CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.rules.PrivilegeSelectionRequest;
import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.fact.PrivilegeChange;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every privilege-selection rule, for the choice it accepts and the choice it rejects. */
class PrivilegeSelectionRulesTest {

  private static Decision choose(String product, List<String> chosen, boolean newToPartner) {
    return RulesFixture.service()
        .checkPrivileges(
            DEMO_CATALOG, new PrivilegeSelectionRequest(product, chosen, false, newToPartner));
  }

  private static Decision weChatWo(String... chosen) {
    return choose("wechat-wo", List.of(chosen), false);
  }

  @Test
  void threeCompatiblePrivilegesAreValid() {
    Decision decision = weChatWo("wechat-free-traffic", "group-chat-60", "free-emoticons");

    assertThat(decision.approved()).isTrue();
    assertThat(decision.reasons()).isEmpty();
  }

  static Stream<Arguments> invalidChoices() {
    return Stream.of(
        invalid("Choose at least the menu's lower limit", "TOO_FEW_PRIVILEGES", List.of()),
        invalid(
            "Choose at most the menu's upper limit",
            "TOO_MANY_PRIVILEGES",
            List.of("group-chat-60", "free-games", "free-emoticons", "wechat-pay-discount")),
        invalid(
            "Only privileges on the menu can be chosen",
            "UNKNOWN_PRIVILEGE",
            List.of("free-coffee")),
        invalid(
            "A privilege is chosen once",
            "PRIVILEGE_CHOSEN_TWICE",
            List.of("free-games", "free-games")),
        invalid(
            "Exclusive privileges are not chosen together",
            "PRIVILEGES_EXCLUSIVE",
            List.of("free-music", "hd-movies")),
        invalid(
            "Required privileges are chosen too",
            "PRIVILEGE_REQUIRES_ANOTHER",
            List.of("hd-pictures")),
        invalid(
            "Privileges reserved for some buyer types",
            "PRIVILEGE_NOT_FOR_BUYER_TYPE",
            List.of("people-nearby")));
  }

  private static Arguments invalid(String rule, String code, List<String> chosen) {
    return Arguments.of(rule, code, chosen);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidChoices")
  void eachRuleRejectsWithItsOwnReason(String rule, String code, List<String> chosen) {
    Decision decision = choose("wechat-wo", chosen, false);

    assertThat(decision.approved()).isFalse();
    assertThat(decision.reasonCodes()).containsExactly(code);
    assertThat(decision.reasons().get(0).rule()).isEqualTo(rule);
  }

  static Stream<Arguments> validBoundaries() {
    return Stream.of(
        Arguments.of("one privilege is the lower limit", List.of("free-games")),
        Arguments.of(
            "three privileges are the upper limit",
            List.of("free-games", "free-emoticons", "group-chat-60")),
        Arguments.of("free music without HD movies", List.of("free-music", "free-games")),
        Arguments.of(
            "HD pictures with free WeChat traffic", List.of("hd-pictures", "wechat-free-traffic")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validBoundaries")
  void eachRuleAcceptsAtItsBoundary(String what, List<String> chosen) {
    assertThat(choose("wechat-wo", chosen, false).reasonCodes()).as(what).isEmpty();
  }

  @Test
  void perkForNewWeChatUsersIsOfferedToThem() {
    assertThat(choose("wechat-wo", List.of("people-nearby"), true).approved()).isTrue();
  }

  @Test
  void includedPrivilegesComeWithTheCardAndAreNotChosen() {
    Decision decision = choose("yixin-card", List.of("yixin-monthly-gift"), false);

    assertThat(decision.reasonCodes()).containsExactly("PRIVILEGE_ALREADY_INCLUDED");
    assertThat(choose("yixin-card", List.of(), false).approved()).isTrue();
  }

  @Test
  void exclusionIsReportedOncePerPairWhicheverWayItIsDeclared() {
    assertThat(weChatWo("hd-movies", "free-music").reasonCodes())
        .containsExactly("PRIVILEGES_EXCLUSIVE");
  }

  @Test
  void everyProblemOfAChoiceIsReported() {
    Decision decision = weChatWo("hd-pictures", "free-music", "hd-movies", "nope");

    assertThat(decision.reasonCodes())
        .containsExactlyInAnyOrder(
            "TOO_MANY_PRIVILEGES",
            "UNKNOWN_PRIVILEGE",
            "PRIVILEGES_EXCLUSIVE",
            "PRIVILEGE_REQUIRES_ANOTHER");
  }

  @Test
  void unknownProductHasNoValidChoice() {
    assertThat(choose("no-such-card", List.of("free-games"), false).reasonCodes())
        .containsExactly("UNKNOWN_PRODUCT");
  }

  @Test
  void privilegesChangeOnceInABillingCycle() {
    PrivilegeSelectionRequest change =
        new PrivilegeSelectionRequest("wechat-wo", List.of("free-games"), false, false);

    Decision first =
        RulesFixture.service()
            .checkPrivilegeChange(DEMO_CATALOG, change, new PrivilegeChange(0, "2026-12"));
    Decision second =
        RulesFixture.service()
            .checkPrivilegeChange(DEMO_CATALOG, change, new PrivilegeChange(1, "2026-12"));

    assertThat(first.approved()).isTrue();
    assertThat(second.reasonCodes()).containsExactly("PRIVILEGES_CHANGED_THIS_CYCLE");
    assertThat(second.reasons().get(0).message()).contains("2026-12");
  }

  @Test
  void aChangeIsStillCheckedAgainstTheMenu() {
    Decision decision =
        RulesFixture.service()
            .checkPrivilegeChange(
                DEMO_CATALOG,
                new PrivilegeSelectionRequest("wechat-wo", List.of("hd-pictures"), false, false),
                new PrivilegeChange(0, "2026-12"));

    assertThat(decision.reasonCodes()).containsExactly("PRIVILEGE_REQUIRES_ANOTHER");
  }

  @Test
  void aChoiceOfABuyerNewToTheOperatorCarriesNoGiftReasons() {
    Decision decision =
        RulesFixture.service()
            .checkPrivileges(
                DEMO_CATALOG,
                new PrivilegeSelectionRequest("wechat-wo", List.of("free-games"), true, false));

    assertThat(decision.approved()).isTrue();
    assertThat(decision.reasons()).isEmpty();
    assertThat(decision.gifts()).isEmpty();
  }
}
