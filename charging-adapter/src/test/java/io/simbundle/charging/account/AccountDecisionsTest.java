package io.simbundle.charging.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.simbundle.charging.account.Decision.Action;
import io.simbundle.charging.account.Decision.Service;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.GiftGrant;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.platform.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every grant, debit, refund and denial is recorded with its reason as it is decided. */
class AccountDecisionsTest {

  private static final long MB = 1024 * 1024;
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final GrantPolicy POLICY = new GrantPolicy(10 * MB, Duration.ofMinutes(30));
  private static final long WECHAT = 1000;
  private static final long WECHAT_VIDEO = 1001;
  private static final long HD_MOVIES = 1003;
  private static final long INTERNET = 10;

  private static final ZeroRatedService WECHAT_3MB =
      new ZeroRatedService(
          "wechat-free-traffic",
          "tencent",
          Set.of(WECHAT),
          Set.of(),
          Optional.of(3 * MB),
          Set.of(WECHAT_VIDEO));

  private static final GiftGrant MOVIES_1MB =
      new GiftGrant("hd-movies", MB, Set.of(HD_MOVIES), NOW.plus(Duration.ofDays(7)));

  private static Account weChatWo() {
    return Account.open(
        new ChargingProfile(
            "8618600000001",
            Optional.empty(),
            100 * MB,
            Instant.parse("2026-10-31T16:00:00Z"),
            Instant.parse("2026-11-30T16:00:00Z"),
            List.of(WECHAT_3MB),
            List.of(MOVIES_1MB),
            2,
            120,
            60));
  }

  private static void use(Account account, long ratingGroup, long bytes) {
    account.reserve("s1", ratingGroup, Optional.empty(), bytes, POLICY, NOW);
    account.commit("s1", ratingGroup, Optional.empty(), bytes, NOW);
  }

  @Test
  void zeroRatedTrafficIsGrantedAndDebitedToThePrivilegeAndItsSponsor() {
    Account account = weChatWo();

    use(account, WECHAT, 2 * MB);

    assertThat(account.newDecisions())
        .containsExactly(
            new Decision(
                Service.DATA,
                WECHAT,
                Action.GRANT,
                Reason.ZERO_RATED,
                "wechat-free-traffic",
                "tencent",
                2 * MB),
            new Decision(
                Service.DATA,
                WECHAT,
                Action.DEBIT,
                Reason.ZERO_RATED,
                "wechat-free-traffic",
                "tencent",
                2 * MB));
    assertThat(account.newDecisions()).as("asking empties them").isEmpty();
  }

  @Test
  void useBeyondTheFreeCapIsChargedBecauseTheCapWasReached() {
    Account account = weChatWo();

    use(account, WECHAT, 5 * MB);

    assertThat(account.newDecisions())
        .filteredOn(d -> d.action() == Action.DEBIT)
        .extracting(Decision::reason, Decision::reference, Decision::units)
        .containsExactly(
            tuple(Reason.ZERO_RATED, "wechat-free-traffic", 3 * MB),
            tuple(Reason.CAP_REACHED, "wechat-free-traffic", 2 * MB));
  }

  @Test
  void videoCallsAreChargedAsAnExclusionNamingThePrivilege() {
    Account account = weChatWo();

    use(account, WECHAT_VIDEO, MB);

    assertThat(account.newDecisions())
        .extracting(Decision::action, Decision::reason, Decision::reference)
        .containsExactly(
            tuple(Action.GRANT, Reason.EXCLUDED, "wechat-free-traffic"),
            tuple(Action.DEBIT, Reason.EXCLUDED, "wechat-free-traffic"));
    assertThat(Reason.EXCLUDED.basis()).isEqualTo(Reason.Basis.EXCLUSION);
  }

  @Test
  void aGiftPaysUntilSpentThenTheAllowanceNamesTheSpentGift() {
    Account account = weChatWo();

    use(account, HD_MOVIES, 3 * MB);

    assertThat(account.newDecisions())
        .filteredOn(d -> d.action() == Action.DEBIT)
        .extracting(Decision::reason, Decision::reference, Decision::units)
        .containsExactly(
            tuple(Reason.GIFT, "hd-movies", MB), tuple(Reason.GIFT_SPENT, "hd-movies", 2 * MB));
  }

  @Test
  void trafficNothingCoversIsChargedAsNotCoveredAndDeniedOnceTheAllowanceIsGone() {
    Account account = weChatWo();

    use(account, INTERNET, 100 * MB);
    account.newDecisions();
    account.reserve("s2", INTERNET, Optional.empty(), MB, POLICY, NOW);

    assertThat(account.newDecisions())
        .containsExactly(
            new Decision(Service.DATA, INTERNET, Action.DENIAL, Reason.USED_UP, "", "", 0));
  }

  @Test
  void callsAndSmsAreRecordedAgainstThePlanWithRefundsAndDenials() {
    Account account = weChatWo();
    Instant lapse = NOW.plus(Duration.ofMinutes(30));

    account.voice(20).reserve("call", 300, lapse);
    account.voice(20).commit("call", 61);
    account.voice(20).reserve("another-call", 300, lapse);
    account.sms(30).debit("sms-1", 2);
    account.sms(30).refund("sms-1");
    account.sms(30).refund("sms-1");
    account.sms(30).debit("sms-2", 3);

    assertThat(account.newDecisions())
        .extracting(Decision::service, Decision::action, Decision::reason, Decision::units)
        .containsExactly(
            tuple(Service.VOICE, Action.GRANT, Reason.PLAN_MINUTES, 120L),
            tuple(Service.VOICE, Action.DEBIT, Reason.PLAN_MINUTES, 120L),
            tuple(Service.VOICE, Action.DENIAL, Reason.USED_UP, 0L),
            tuple(Service.SMS, Action.DEBIT, Reason.PLAN_SMS, 2L),
            tuple(Service.SMS, Action.REFUND, Reason.PLAN_SMS, 2L),
            tuple(Service.SMS, Action.DENIAL, Reason.USED_UP, 0L));
  }

  @Test
  void decisionsAreNotPartOfTheStoredState() {
    Account account = weChatWo();
    use(account, WECHAT, MB);

    Account stored = Json.readStored(Json.write(account), Account.class);

    assertThat(stored.newDecisions()).isEmpty();
    assertThat(account.newDecisions()).hasSize(2);
  }
}
