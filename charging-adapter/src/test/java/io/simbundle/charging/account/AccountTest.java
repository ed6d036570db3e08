package io.simbundle.charging.account;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The charging rules, in their order, on one account. */
class AccountTest {

  private static final long MB = 1024 * 1024;
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant CYCLE_START = Instant.parse("2026-10-31T16:00:00Z");
  private static final Instant CYCLE_END = Instant.parse("2026-11-30T16:00:00Z");
  private static final GrantPolicy POLICY = new GrantPolicy(10 * MB, Duration.ofMinutes(30));
  private static final long WECHAT = 1000;
  private static final long WECHAT_VIDEO = 1001;
  private static final long YIXIN = 2000;
  private static final long INTERNET = 10;

  private static ZeroRatedService weChat(Optional<Long> capBytes) {
    return new ZeroRatedService(
        "wechat-free-traffic", "tencent", Set.of(WECHAT), Set.of(), capBytes, Set.of(WECHAT_VIDEO));
  }

  /** The November cycle's profile. */
  private static ChargingProfile november(
      long allowance, List<ZeroRatedService> zero, List<GiftGrant> gifts) {
    return new ChargingProfile(
        "8618600000001", Optional.empty(), allowance, CYCLE_START, CYCLE_END, zero, gifts);
  }

  /** The December cycle's profile, as provisioning installs it. */
  private static ChargingProfile december(
      long allowance, List<ZeroRatedService> zero, List<GiftGrant> gifts) {
    return new ChargingProfile(
        "8618600000001",
        Optional.empty(),
        allowance,
        CYCLE_END,
        CYCLE_END.plus(Duration.ofDays(31)),
        zero,
        gifts);
  }

  private static Account account(
      long allowance, List<ZeroRatedService> zero, List<GiftGrant> gifts) {
    return Account.open(november(allowance, zero, gifts));
  }

  private static Grant reserve(Account account, String session, long ratingGroup, long bytes) {
    return account.reserve(session, ratingGroup, Optional.empty(), bytes, POLICY, NOW);
  }

  @Test
  void aProfileOfAnotherCardOnTheNumberIsANewHoldersNotThisAccounts() {
    ChargingProfile first =
        new ChargingProfile(
            "8618600000001",
            Optional.of("460010000000001"),
            MB,
            CYCLE_START,
            CYCLE_END,
            List.of(),
            List.of());
    ChargingProfile sameCard =
        new ChargingProfile(
            "8618600000001",
            Optional.of("460010000000001"),
            2 * MB,
            CYCLE_START,
            CYCLE_END,
            List.of(),
            List.of());
    ChargingProfile recycled =
        new ChargingProfile(
            "8618600000001",
            Optional.of("460010000000002"),
            MB,
            CYCLE_START,
            CYCLE_END,
            List.of(),
            List.of());
    Account account = Account.open(first);

    assertThat(account.holds(sameCard)).isTrue();
    assertThat(account.holds(recycled)).isFalse();
    assertThat(Json.readStored(Json.write(account), Account.class).holds(recycled))
        .as("as stored")
        .isFalse();
    assertThat(account.holds(november(MB, List.of(), List.of()))).as("card not known").isTrue();

    reserve(account, "old-holder", 10, MB / 2);
    account.bar(true);
    account.install(recycled);

    assertThat(account.barred()).as("the old holder's bar").isFalse();
    assertThat(reserve(account, "new-holder", 10, MB).bytes())
        .as("the whole allowance, nothing held for the old holder's session")
        .isEqualTo(MB);
  }

  @Test
  void zeroRatedRatingGroupIsGrantedWithoutDebit() {
    Account account = account(500 * MB, List.of(weChat(Optional.empty())), List.of());

    Grant grant = reserve(account, "s1", WECHAT, 5 * MB);
    List<Usage> usage = account.commit("s1", WECHAT, Optional.empty(), 5 * MB, NOW);

    assertThat(grant.bytes()).isEqualTo(5 * MB);
    assertThat(grant.source()).get().extracting(Source::kind).isEqualTo(Source.Kind.ZERO_RATED);
    assertThat(grant.finalUnits()).isFalse();
    assertThat(usage)
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.source().partnerCode()).isEqualTo("tencent");
              assertThat(u.bytes()).isEqualTo(5 * MB);
            });
    assertThat(account.allowanceUsed()).isZero();
  }

  @Test
  void excludedRatingGroupIsChargedNormally() {
    Account account = account(500 * MB, List.of(weChat(Optional.empty())), List.of());

    Grant grant = reserve(account, "s1", WECHAT_VIDEO, 5 * MB);
    account.commit("s1", WECHAT_VIDEO, Optional.empty(), 3 * MB, NOW);

    assertThat(grant.source()).contains(Source.ALLOWANCE);
    assertThat(account.allowanceUsed()).isEqualTo(3 * MB);
  }

  @Test
  void zeroRatingCapTurnsTheExcessIntoChargedTraffic() {
    Account account = account(500 * MB, List.of(weChat(Optional.of(4 * MB))), List.of());

    Grant first = reserve(account, "s1", WECHAT, 10 * MB);
    List<Usage> usage = account.commit("s1", WECHAT, Optional.empty(), 6 * MB, NOW);
    Grant next = reserve(account, "s1", WECHAT, 10 * MB);

    assertThat(first.bytes()).isEqualTo(4 * MB);
    assertThat(first.finalUnits()).isFalse();
    assertThat(usage)
        .extracting(u -> u.source().kind(), Usage::bytes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Source.Kind.ZERO_RATED, 4 * MB),
            org.assertj.core.groups.Tuple.tuple(Source.Kind.ALLOWANCE, 2 * MB));
    assertThat(next.source()).contains(Source.ALLOWANCE);
  }

  @Test
  void giftsPayBeforeTheAllowanceEarliestExpiryFirstAndOnlyForTheirRatingGroups() {
    GiftGrant yixin = new GiftGrant("yixin-monthly-gift", 500 * MB, Set.of(YIXIN), CYCLE_END);
    GiftGrant early = new GiftGrant("welcome-gift", 1 * MB, Set.of(), NOW.plusSeconds(3600));
    Account account = account(500 * MB, List.of(), List.of(yixin, early));

    Grant first = reserve(account, "s1", YIXIN, 5 * MB);
    account.commit("s1", YIXIN, Optional.empty(), 1 * MB, NOW);
    Grant second = reserve(account, "s1", YIXIN, 5 * MB);
    Grant internet = reserve(account, "s2", INTERNET, 5 * MB);

    assertThat(first.source().orElseThrow().reference()).isEqualTo("welcome-gift");
    assertThat(first.bytes()).isEqualTo(1 * MB);
    assertThat(second.source().orElseThrow().reference()).isEqualTo("yixin-monthly-gift");
    assertThat(internet.source()).contains(Source.ALLOWANCE);
    assertThat(account.giftsLeft(NOW)).containsEntry("welcome-gift", 0L);
  }

  @Test
  void expiredGiftsPayForNothing() {
    GiftGrant lapsed = new GiftGrant("old-gift", 100 * MB, Set.of(), NOW.minusSeconds(1));
    Account account = account(0, List.of(), List.of(lapsed));

    assertThat(reserve(account, "s1", INTERNET, MB).denied()).isTrue();
  }

  @Test
  void grantIsSizedFromWhatIsLeftAndTheLastBitCarriesFinalUnits() {
    Account account = account(3 * MB, List.of(), List.of());

    Grant grant = reserve(account, "s1", INTERNET, 5 * MB);

    assertThat(grant.bytes()).isEqualTo(3 * MB);
    assertThat(grant.finalUnits()).isTrue();
  }

  @Test
  void grantIsCappedAtTheConfiguredMaximum() {
    Account account = account(500 * MB, List.of(), List.of());

    assertThat(reserve(account, "s1", INTERNET, 0).bytes()).isEqualTo(10 * MB);
    assertThat(reserve(account, "s1", INTERNET, 50 * MB).bytes()).isEqualTo(10 * MB);
  }

  @Test
  void nothingLeftMeansNoGrantAndFinalUnits() {
    Account account = account(2 * MB, List.of(), List.of());
    reserve(account, "s1", INTERNET, 2 * MB);
    account.commit("s1", INTERNET, Optional.empty(), 2 * MB, NOW);

    Grant grant = reserve(account, "s1", INTERNET, MB);

    assertThat(grant.denied()).isTrue();
    assertThat(grant.finalUnits()).isTrue();
  }

  @Test
  void reservationsHoldQuotaFromOtherSessionsUntilReleased() {
    Account account = account(10 * MB, List.of(), List.of());

    Grant a = reserve(account, "a", INTERNET, 8 * MB);
    Grant b = reserve(account, "b", INTERNET, 8 * MB);
    account.releaseSession("a");
    Grant c = reserve(account, "c", INTERNET, 8 * MB);

    assertThat(a.bytes()).isEqualTo(8 * MB);
    assertThat(b.bytes()).isEqualTo(2 * MB);
    assertThat(c.bytes()).isEqualTo(8 * MB);
    assertThat(account.allowanceUsed()).isZero();
  }

  @Test
  void unusedPartOfAReservationIsReleasedOnCommit() {
    Account account = account(10 * MB, List.of(), List.of());
    reserve(account, "a", INTERNET, 8 * MB);

    account.commit("a", INTERNET, Optional.empty(), 1 * MB, NOW);

    assertThat(account.hasReservations()).isFalse();
    assertThat(account.allowanceLeft()).isEqualTo(9 * MB);
    assertThat(reserve(account, "b", INTERNET, 10 * MB).bytes()).isEqualTo(9 * MB);
  }

  @Test
  void reservationsPastTheirTccAreReleased() {
    Account account = account(10 * MB, List.of(), List.of());
    reserve(account, "silent", INTERNET, 8 * MB);

    assertThat(account.releaseExpired(NOW.plus(Duration.ofMinutes(59)))).isEmpty();
    assertThat(account.releaseExpired(NOW.plus(Duration.ofMinutes(60)))).containsExactly("silent");
    assertThat(account.reservedBytes()).isZero();
  }

  @Test
  void newCycleResetsAllowanceAndCapsButKeepsGiftsThatLast() {
    GiftGrant once = new GiftGrant("welcome-gift", 5 * MB, Set.of(), NOW.plus(Duration.ofDays(60)));
    Account account = account(10 * MB, List.of(weChat(Optional.of(4 * MB))), List.of(once));
    reserve(account, "s", INTERNET, 5 * MB);
    account.commit("s", INTERNET, Optional.empty(), 7 * MB, NOW);
    reserve(account, "s", WECHAT, 4 * MB);
    account.commit("s", WECHAT, Optional.empty(), 4 * MB, NOW);

    account.install(december(10 * MB, List.of(weChat(Optional.of(4 * MB))), List.of(once)));

    assertThat(account.allowanceLeft()).isEqualTo(10 * MB);
    assertThat(account.zeroRatedUsed()).containsEntry("wechat-free-traffic", 0L);
    assertThat(account.giftsLeft(NOW)).containsEntry("welcome-gift", 0L);
  }

  private static Account withSms(long smsPerCycle) {
    return Account.open(november(10 * MB, List.of(), List.of()).withSmsPerCycle(smsPerCycle));
  }

  @Test
  void smsAreDebitedFromThePlanUntilNoneIsLeftAndNeverPartly() {
    Account account = withSms(3);

    assertThat(account.sms().debit("sms-1", 2)).isTrue();
    assertThat(account.sms().debit("sms-2", 2)).as("two asked, one left").isFalse();
    assertThat(account.sms().left()).isEqualTo(1);
    assertThat(account.sms().debit("sms-3", 1)).isTrue();
    assertThat(account.sms().debit("sms-4", 1)).isFalse();
    assertThat(account.sms().left()).isZero();
    assertThat(account.allowanceLeft()).as("SMS cost no data").isEqualTo(10 * MB);
  }

  @Test
  void aRefundPutsBackWhatItsSessionDebitedOnceAndNothingForAnUnknownSession() {
    Account account = withSms(5);
    account.sms().debit("delivered", 1);
    account.sms().debit("undelivered", 2);

    assertThat(account.sms().refund("undelivered")).isEqualTo(2);
    assertThat(account.sms().refund("undelivered")).as("a second refund").isZero();
    assertThat(account.sms().refund("never-sent")).isZero();
    assertThat(account.sms().left()).isEqualTo(4);
  }

  @Test
  void aNewCycleGivesThePlansSmsAgainAndForgetsLastCyclesDebits() {
    Account account = withSms(2);
    account.sms().debit("last-month", 2);

    account.install(december(10 * MB, List.of(), List.of()).withSmsPerCycle(2));

    assertThat(account.sms().left()).isEqualTo(2);
    assertThat(account.sms().refund("last-month")).as("refunds only within the cycle").isZero();
    assertThat(account.sms().left()).isEqualTo(2);
  }

  @Test
  void smsSentAndTheirSessionsSurviveTheStoredForm() {
    Account account = withSms(4);
    account.sms().debit("to-refund", 3);

    Account stored = Json.readStored(Json.write(account), Account.class);

    assertThat(stored.sms().left()).isEqualTo(1);
    assertThat(stored.sms().refund("to-refund")).isEqualTo(3);
  }

  @Test
  void smsHeldByAnOpenSessionCannotBeSentByAnotherUntilCommittedOrLapsed() {
    Account account = withSms(3);
    Instant lapse = NOW.plus(Duration.ofMinutes(30));

    assertThat(account.sms().reserve("long-sms", 2, lapse)).isTrue();
    assertThat(account.sms().left()).isEqualTo(1);
    assertThat(account.sms().debit("event", 2)).as("held units are not free").isFalse();
    assertThat(account.sms().reserve("other", 2, lapse)).isFalse();
    assertThat(account.earliestExpiry()).contains(lapse);

    assertThat(account.sms().commit("long-sms", 1)).as("one part delivered").isEqualTo(1);
    assertThat(account.sms().left()).isEqualTo(2);
    assertThat(account.hasReservations()).isFalse();

    account.sms().reserve("silent", 2, lapse);
    assertThat(account.releaseExpired(lapse.minusSeconds(1))).isEmpty();
    assertThat(account.releaseExpired(lapse)).containsExactly("silent");
    assertThat(account.sms().left()).isEqualTo(2);
  }

  private static Account withVoice(long seconds, long unit) {
    return Account.open(november(10 * MB, List.of(), List.of()).withVoice(seconds, unit));
  }

  @Test
  void eachCallIsChargedPerStartedMinuteOfItsOwnTalkTime() {
    Account account = withVoice(600, ChargingProfile.PER_STARTED_MINUTE);
    Instant lapse = NOW.plus(Duration.ofMinutes(30));

    assertThat(account.voice().reserve("call-1", 300, lapse)).isEqualTo(300);
    assertThat(account.voice().commit("call-1", 61)).as("61 s cost two minutes").isEqualTo(120);
    assertThat(account.voice().commit("call-1", 59)).as("already paid for").isZero();
    assertThat(account.voice().commit("call-1", 1)).isEqualTo(60);
    account.voice().end("call-1");
    account.voice().reserve("call-2", 300, lapse);
    account.voice().commit("call-2", 1);
    account.voice().end("call-2");

    assertThat(account.voice().leftSeconds()).as("600 less 180 and 60").isEqualTo(360);
  }

  @Test
  void aCallIsGrantedWhatIsLeftAndOthersCannotTakeWhatItHolds() {
    Account account = withVoice(400, 1);
    Instant lapse = NOW.plus(Duration.ofMinutes(30));

    assertThat(account.voice().reserve("call-1", 300, lapse)).isEqualTo(300);
    assertThat(account.voice().isLast("call-1", 300)).isFalse();
    assertThat(account.voice().reserve("call-2", 300, lapse)).isEqualTo(100);
    assertThat(account.voice().isLast("call-2", 100)).isTrue();
    assertThat(account.voice().reserve("call-3", 300, lapse)).isZero();
    assertThat(account.earliestExpiry()).contains(lapse);

    assertThat(account.releaseExpired(lapse)).containsExactlyInAnyOrder("call-1", "call-2");
    assertThat(account.voice().leftSeconds()).isEqualTo(400);
  }

  @Test
  void aNewCycleGivesThePlansTimeAgainWhileACallGoesOn() {
    Account account = withVoice(120, 60);
    account.voice().reserve("long-call", 120, NOW.plus(Duration.ofMinutes(30)));
    account.voice().commit("long-call", 120);

    account.install(december(10 * MB, List.of(), List.of()).withVoice(120, 60));

    assertThat(account.voice().leftSeconds()).isEqualTo(120);
    assertThat(account.voice().commit("long-call", 30)).isEqualTo(60);
  }

  @Test
  void aCycleEndsAtItsBoundaryByItselfAndTheLaterInstalledProfileKeepsTheNewBalances() {
    Account account = account(10 * MB, List.of(weChat(Optional.of(4 * MB))), List.of());
    reserve(account, "s", INTERNET, 5 * MB);
    account.commit("s", INTERNET, Optional.empty(), 5 * MB, NOW);

    assertThat(account.rollOver(CYCLE_END.minusSeconds(1))).isFalse();
    assertThat(account.allowanceLeft()).isEqualTo(5 * MB);
    assertThat(account.rollOver(CYCLE_END)).isTrue();

    assertThat(account.allowanceLeft()).isEqualTo(10 * MB);
    assertThat(account.profile().cycleStart()).isEqualTo(CYCLE_END);
    assertThat(account.profile().cycleEnd())
        .as("the end of December in Beijing")
        .isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    reserve(account, "s", INTERNET, MB);
    account.commit("s", INTERNET, Optional.empty(), MB, CYCLE_END.plusSeconds(60));

    account.install(december(10 * MB, List.of(weChat(Optional.of(4 * MB))), List.of()));

    assertThat(account.allowanceUsed())
        .as("provisioning's December profile keeps December")
        .isEqualTo(MB);
  }

  @Test
  void aSubscriberIdleForMonthsRollsIntoTheCycleOfNow() {
    Account account = account(10 * MB, List.of(), List.of());
    reserve(account, "s", INTERNET, MB);
    account.commit("s", INTERNET, Optional.empty(), MB, NOW);

    account.rollOver(Instant.parse("2027-03-15T00:00:00Z"));

    assertThat(account.profile().cycleStart()).isEqualTo(Instant.parse("2027-02-28T16:00:00Z"));
    assertThat(account.profile().cycleEnd()).isEqualTo(Instant.parse("2027-03-31T16:00:00Z"));
    assertThat(account.allowanceUsed()).isZero();
  }

  @Test
  void eachUsageThresholdIsToldOncePerCycleAndAgainInTheNext() {
    Account account = account(10 * MB, List.of(weChat(Optional.of(4 * MB))), List.of());
    reserve(account, "s", INTERNET, 8 * MB);
    account.commit("s", INTERNET, Optional.empty(), 8 * MB, NOW);

    assertThat(account.newThresholds())
        .extracting(UsageThreshold::meter, UsageThreshold::percent)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(UsageThreshold.Meter.DATA, 80));
    assertThat(account.newThresholds()).as("told already").isEmpty();
    assertThat(Json.readStored(Json.write(account), Account.class).newThresholds())
        .as("told already, as stored")
        .isEmpty();

    reserve(account, "s", WECHAT, 4 * MB);
    account.commit("s", WECHAT, Optional.empty(), 4 * MB, NOW);
    reserve(account, "s", INTERNET, 2 * MB);
    account.commit("s", INTERNET, Optional.empty(), 2 * MB, NOW);

    assertThat(account.newThresholds())
        .extracting(UsageThreshold::meter, UsageThreshold::reference, UsageThreshold::percent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(UsageThreshold.Meter.DATA, "", 100),
            org.assertj.core.groups.Tuple.tuple(
                UsageThreshold.Meter.FREE_TRAFFIC, "wechat-free-traffic", 80),
            org.assertj.core.groups.Tuple.tuple(
                UsageThreshold.Meter.FREE_TRAFFIC, "wechat-free-traffic", 100));

    account.rollOver(CYCLE_END);
    reserve(account, "s", INTERNET, 9 * MB);
    account.commit("s", INTERNET, Optional.empty(), 9 * MB, CYCLE_END.plusSeconds(1));
    assertThat(account.newThresholds())
        .singleElement()
        .satisfies(
            passed -> {
              assertThat(passed.percent()).isEqualTo(80);
              assertThat(passed.cycleStart()).isEqualTo(CYCLE_END);
            });
  }

  @Test
  void smsAndMinutesHaveThresholdsToo() {
    Account account = withSms(10);
    account.sms().debit("sms", 8);

    assertThat(account.newThresholds())
        .extracting(UsageThreshold::meter, UsageThreshold::percent, UsageThreshold::used)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(UsageThreshold.Meter.SMS, 80, 8L));
    Account caller = withVoice(600, 60);
    caller.voice().reserve("call", 600, NOW.plus(Duration.ofMinutes(30)));
    caller.voice().commit("call", 541);
    assertThat(caller.newThresholds())
        .extracting(UsageThreshold::meter, UsageThreshold::percent)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(UsageThreshold.Meter.VOICE, 80),
            org.assertj.core.groups.Tuple.tuple(UsageThreshold.Meter.VOICE, 100));
  }
}
