package io.simbundle.charging.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.simbundle.charging.account.Decision.Action;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.PlanExtras;
import io.simbundle.charging.profile.SponsoredMinutes;
import io.simbundle.platform.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Calls and SMS beyond the plan's own minutes and messages: minutes partners sponsor for calls to
 * their numbers come first, and what the catalog prices beyond the plan comes last.
 */
class BeyondThePlanTest {

  private static final Instant LAPSE = Instant.parse("2026-11-23T08:30:00Z");
  private static final String YIXIN_GATEWAY = "86125930000001";
  private static final String FRIEND = "8613900000000";
  private static final long CALLS = 100;
  private static final long SMS = 300;

  private static Account account(long planSeconds, long sms, PlanExtras extras) {
    return Account.open(
        new ChargingProfile(
                "8618600000001",
                Optional.empty(),
                0,
                Instant.parse("2026-10-31T16:00:00Z"),
                Instant.parse("2026-11-30T16:00:00Z"),
                List.of(),
                List.of(),
                sms,
                planSeconds,
                60)
            .withExtras(extras));
  }

  private static PlanExtras yixinMinutes(long seconds) {
    return new PlanExtras(
        List.of(new SponsoredMinutes("yixin-free-calls", "netease", seconds, Set.of("8612593"))),
        Optional.empty(),
        Optional.empty());
  }

  private static VoiceBalance callTo(Account account, String number) {
    return account.voice(CALLS, Optional.of(number));
  }

  @Test
  void aCallToThePartnersNumberSpendsTheSponsoredMinutesThenThePlans() {
    Account account = account(600, 0, yixinMinutes(120));

    assertThat(callTo(account, YIXIN_GATEWAY).reserve("yixin", 300, LAPSE)).isEqualTo(120);
    assertThat(callTo(account, YIXIN_GATEWAY).commit("yixin", 100)).isEqualTo(120);
    assertThat(callTo(account, YIXIN_GATEWAY).reserve("yixin", 300, LAPSE))
        .as("the sponsored minutes are spent: the plan's now")
        .isEqualTo(300);
    // A report without IMS-Information still knows which pool the call drew on.
    assertThat(account.voice(CALLS).commit("yixin", 50)).isEqualTo(60);

    assertThat(account.voice().sponsoredSeconds()).containsEntry("yixin-free-calls", 120L);
    assertThat(account.voice().usedSeconds()).isEqualTo(60);
    assertThat(account.newDecisions())
        .filteredOn(d -> d.action() == Action.DEBIT)
        .extracting(Decision::reason, Decision::reference, Decision::partnerCode, Decision::units)
        .containsExactly(
            tuple(Reason.SPONSORED_MINUTES, "yixin-free-calls", "netease", 120L),
            tuple(Reason.PLAN_MINUTES, "", "", 60L));
  }

  @Test
  void aCallToAnyOtherNumberNeverTouchesTheSponsoredMinutes() {
    Account account = account(60, 0, yixinMinutes(600));

    assertThat(callTo(account, FRIEND).reserve("friend", 300, LAPSE)).isEqualTo(60);
    assertThat(callTo(account, FRIEND).isLast("friend", 60)).isTrue();
    callTo(account, FRIEND).commit("friend", 200);

    assertThat(account.voice().sponsoredSeconds()).isEmpty();
    assertThat(account.voice().usedSeconds())
        .as("what was talked is debited, beyond the plan if need be")
        .isEqualTo(240);
  }

  @Test
  void pricedCallTimeBeyondThePlanIsNeverTheLastAndIsCountedApart() {
    Account account = account(60, 0, new PlanExtras(List.of(), Optional.of(15L), Optional.empty()));

    VoiceBalance call = callTo(account, FRIEND);
    assertThat(call.reserve("long", 300, LAPSE)).isEqualTo(60);
    assertThat(call.isLast("long", 60)).isFalse();
    call.commit("long", 60);
    assertThat(call.reserve("long", 300, LAPSE)).isEqualTo(300);
    call.commit("long", 181);

    assertThat(account.voice().usedSeconds()).isEqualTo(60);
    assertThat(account.voice().overageSeconds()).isEqualTo(240);
  }

  @Test
  void pricedSmsBeyondThePlanAreSentCountedAndRefundedApart() {
    Account account = account(0, 2, new PlanExtras(List.of(), Optional.empty(), Optional.of(10L)));
    SmsBalance sms = account.sms(SMS);

    assertThat(sms.priceFen(3)).as("one beyond the plan").isEqualTo(10);
    assertThat(sms.debit("three-parts", 3)).isTrue();
    assertThat(sms.debit("one-more", 1)).isTrue();
    assertThat(sms.overage()).isEqualTo(2);
    assertThat(sms.refund("three-parts")).isEqualTo(3);

    assertThat(sms.overage()).as("the refund gave back its one beyond the plan").isEqualTo(1);
    assertThat(sms.left()).as("and its two of the plan").isEqualTo(2);
    assertThat(account.newDecisions())
        .extracting(Decision::action, Decision::reason, Decision::units)
        .containsExactly(
            tuple(Action.DEBIT, Reason.PLAN_SMS, 2L),
            tuple(Action.DEBIT, Reason.OVERAGE, 1L),
            tuple(Action.DEBIT, Reason.OVERAGE, 1L),
            tuple(Action.REFUND, Reason.PLAN_SMS, 2L),
            tuple(Action.REFUND, Reason.OVERAGE, 1L));
  }

  @Test
  void withoutAPriceSmsBeyondThePlanAreRefused() {
    Account account = account(0, 1, PlanExtras.NONE);

    assertThat(account.sms(SMS).debit("two", 2)).isFalse();
    assertThat(account.sms(SMS).mayUse(1)).isTrue();
    assertThat(account.sms(SMS).priceFen(1)).isZero();
  }

  @Test
  void poolsAndOverageSurviveTheStoredForm() {
    Account account =
        account(
            60,
            1,
            new PlanExtras(
                List.of(
                    new SponsoredMinutes("yixin-free-calls", "netease", 600, Set.of("8612593"))),
                Optional.of(15L),
                Optional.of(10L)));
    callTo(account, YIXIN_GATEWAY).reserve("yixin", 300, LAPSE.plus(Duration.ofHours(1)));
    callTo(account, YIXIN_GATEWAY).commit("yixin", 90);
    account.sms(SMS).debit("sms", 3);

    Account stored = Json.readStored(Json.write(account), Account.class);

    assertThat(stored.voice().sponsoredSeconds()).containsEntry("yixin-free-calls", 120L);
    assertThat(stored.sms().overage()).isEqualTo(2);
    assertThat(stored.voice(CALLS).commit("yixin", 30))
        .as("the call's pool and paid time are kept")
        .isZero();
    assertThat(stored.profile().extras()).isEqualTo(account.profile().extras());
  }
}
