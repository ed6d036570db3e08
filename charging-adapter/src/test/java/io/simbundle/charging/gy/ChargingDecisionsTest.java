package io.simbundle.charging.gy;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.simbundle.charging.ForgottenHistory;
import io.simbundle.charging.account.Decision.Action;
import io.simbundle.charging.account.Decision.Service;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.ProfileOrigin;
import io.simbundle.charging.store.DecisionRecord;
import io.simbundle.charging.store.DecisionRecords;
import io.simbundle.charging.usage.ExplainedUsage;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.Test;

/**
 * Every decision is stored with its reason and the catalog and rule-set versions of the profile it
 * was decided under; "why" is answered from those records, not from the profile of today.
 */
@EngineTest
class ChargingDecisionsTest {

  private static final Instant CYCLE_START = Instant.parse("2026-10-31T16:00:00Z");
  private static final Instant CYCLE_END = Instant.parse("2026-11-30T16:00:00Z");
  private static final Instant MORNING = Instant.parse("2026-11-23T01:10:00Z");
  private static final String MSISDN = "8618600000401";
  private static final ProfileOrigin NOVEMBER = new ProfileOrigin("2026.11", "r1-aaaaaaaaaaaa");
  private static final ProfileOrigin DECEMBER = new ProfileOrigin("2026.12", "r2-bbbbbbbbbbbb");

  private static ChargingProfile weChatWo(boolean withFreeWeChat, ProfileOrigin origin) {
    return new ChargingProfile(
            MSISDN,
            Optional.empty(),
            100 * MB,
            CYCLE_START,
            CYCLE_END,
            withFreeWeChat ? List.of(ChargingFixture.weChatFreeTraffic()) : List.of(),
            List.of())
        .withSmsPerCycle(1)
        .withOrigin(origin);
  }

  @Test
  void aReasonStoredAtDecisionTimeSurvivesAPrivilegeChangeAndNamesItsVersions() throws Exception {
    MutableClock clock = new MutableClock(MORNING);
    try (ChargingFixture fixture =
            ChargingFixture.start(
                "decisions_why",
                ChargingSettings.UnknownRatingGroups.DENY,
                Optional.empty(),
                clock);
        PcefSimulator pcef = fixture.pcef("pgw-decisions.pcef.simbundle.local")) {
      fixture.charging().install(weChatWo(true, NOVEMBER));
      Session before = pcef.newSession();
      ChargingFixture.send(pcef, before, GyAvp.INITIAL_REQUEST, 0, MSISDN, new Mscc(1000, MB, -1));
      ChargingFixture.send(
          pcef, before, GyAvp.TERMINATION_REQUEST, 1, MSISDN, new Mscc(1000, -1, 4 * MB));

      // The privilege is dropped under a new catalog; the same traffic is charged from now on.
      clock.advance(Duration.ofHours(2));
      fixture.charging().install(weChatWo(false, DECEMBER));
      Session after = pcef.newSession();
      ChargingFixture.send(pcef, after, GyAvp.INITIAL_REQUEST, 0, MSISDN, new Mscc(1000, MB, -1));
      ChargingFixture.send(
          pcef, after, GyAvp.TERMINATION_REQUEST, 1, MSISDN, new Mscc(1000, -1, 3 * MB));

      List<ExplainedUsage> usage =
          fixture.charging().explainedUsage(MSISDN, CYCLE_START).orElseThrow();

      assertThat(usage)
          .extracting(
              ExplainedUsage::day,
              ExplainedUsage::reason,
              ExplainedUsage::catalogVersion,
              ExplainedUsage::units)
          .containsExactly(
              tuple(LocalDate.of(2026, 11, 23), Reason.ZERO_RATED, "2026.11", 4 * MB),
              tuple(LocalDate.of(2026, 11, 23), Reason.NOT_COVERED, "2026.12", 3 * MB));
      assertThat(usage.get(0).why())
          .isEqualTo(
              "free: rating group 1000 is zero-rated by the privilege wechat-free-traffic,"
                  + " sponsored by tencent (catalog 2026.11, rules r1-aaaaaaaaaaaa)");
      assertThat(usage.get(1).why()).startsWith("charged to the plan's allowance: no privilege");
    }
  }

  @Test
  void decisionsArePagedByWholeHoursNewestFirstWithGrantsDenialsAndRefunds() throws Exception {
    MutableClock clock = new MutableClock(MORNING);
    try (ChargingFixture fixture =
            ChargingFixture.start(
                "decisions_pages",
                ChargingSettings.UnknownRatingGroups.DENY,
                Optional.empty(),
                clock);
        PcefSimulator pcef = fixture.pcef("pgw-pages.pcef.simbundle.local")) {
      fixture.charging().install(weChatWo(true, NOVEMBER));
      // Three hours: WeChat traffic, then an SMS sent and refunded and one refused, then a
      // rating group the catalog does not know.
      Session data = pcef.newSession();
      ChargingFixture.send(pcef, data, GyAvp.INITIAL_REQUEST, 0, MSISDN, new Mscc(1000, MB, -1));
      ChargingFixture.send(
          pcef, data, GyAvp.TERMINATION_REQUEST, 1, MSISDN, new Mscc(1000, -1, MB));
      clock.advance(Duration.ofHours(1));
      Session sms = pcef.newSession();
      ChargingFixture.send(
          pcef, sms, () -> pcef.smsEvent(sms, 0, MSISDN, GyAvp.DIRECT_DEBITING, 1, 300));
      ChargingFixture.send(
          pcef, sms, () -> pcef.smsEvent(sms, 1, MSISDN, GyAvp.REFUND_ACCOUNT, 1, 300));
      Session refused = pcef.newSession();
      ChargingFixture.send(
          pcef, refused, () -> pcef.smsEvent(refused, 0, MSISDN, GyAvp.DIRECT_DEBITING, 2, 300));
      clock.advance(Duration.ofHours(1));
      Session unknown = pcef.newSession();
      ChargingFixture.send(
          pcef, unknown, GyAvp.INITIAL_REQUEST, 0, MSISDN, new Mscc(424242, MB, -1));

      List<List<DecisionRecord>> pages = new ArrayList<>();
      Instant before = clock.instant().plus(Duration.ofHours(1));
      DecisionRecords.Page page;
      do {
        page = fixture.charging().decisions(MSISDN, before, 2);
        pages.add(page.records());
        before = page.nextBefore().orElse(null);
      } while (page.nextBefore().isPresent());

      assertThat(pages)
          .as("each page whole hours; the SMS hour has three records and comes whole")
          .extracting(List::size)
          .containsExactly(1, 3, 2);
      assertThat(pages.get(0))
          .extracting(DecisionRecord::action, DecisionRecord::reason, DecisionRecord::ratingGroup)
          .containsExactly(tuple(Action.DENIAL, Reason.UNKNOWN_RATING_GROUP, 424242L));
      assertThat(pages.get(1))
          .extracting(
              DecisionRecord::service,
              DecisionRecord::action,
              DecisionRecord::reason,
              DecisionRecord::count,
              DecisionRecord::units)
          .containsExactlyInAnyOrder(
              tuple(Service.SMS, Action.DEBIT, Reason.PLAN_SMS, 1L, 1L),
              tuple(Service.SMS, Action.REFUND, Reason.PLAN_SMS, 1L, 1L),
              tuple(Service.SMS, Action.DENIAL, Reason.USED_UP, 1L, 0L));
      assertThat(pages.get(2))
          .extracting(DecisionRecord::hour, DecisionRecord::action, DecisionRecord::units)
          .containsExactlyInAnyOrder(
              tuple(Instant.parse("2026-11-23T01:00:00Z"), Action.GRANT, MB),
              tuple(Instant.parse("2026-11-23T01:00:00Z"), Action.DEBIT, MB));
      assertThat(pages.get(2))
          .allSatisfy(
              r -> {
                assertThat(r.catalogVersion()).isEqualTo("2026.11");
                assertThat(r.ruleSetVersion()).isEqualTo("r1-aaaaaaaaaaaa");
              });
      assertThat(fixture.charging().explainedUsage(MSISDN, CYCLE_START).orElseThrow())
          .as("the refunded SMS is no usage")
          .extracting(ExplainedUsage::service)
          .containsExactly(Service.DATA);
    }
  }

  @Test
  void historyOlderThanARetentionWantsIsForgottenAndTheRestStays() throws Exception {
    MutableClock clock = new MutableClock(MORNING);
    try (ChargingFixture fixture =
            ChargingFixture.start(
                "decisions_forgotten",
                ChargingSettings.UnknownRatingGroups.DENY,
                Optional.empty(),
                clock);
        PcefSimulator pcef = fixture.pcef("pgw-forget.pcef.simbundle.local")) {
      fixture.charging().install(weChatWo(true, NOVEMBER));
      Session monday = pcef.newSession();
      ChargingFixture.send(pcef, monday, GyAvp.INITIAL_REQUEST, 0, MSISDN, new Mscc(1000, MB, -1));
      ChargingFixture.send(
          pcef, monday, GyAvp.TERMINATION_REQUEST, 1, MSISDN, new Mscc(1000, -1, 2 * MB));
      clock.advance(Duration.ofDays(3));
      Session thursday = pcef.newSession();
      ChargingFixture.send(pcef, thursday, GyAvp.INITIAL_REQUEST, 0, MSISDN, new Mscc(10, MB, -1));
      ChargingFixture.send(
          pcef, thursday, GyAvp.TERMINATION_REQUEST, 1, MSISDN, new Mscc(10, -1, MB));
      Instant later = clock.instant().plus(Duration.ofHours(1));
      int decisionsBefore = fixture.charging().decisions(MSISDN, later, 100).records().size();
      assertThat(fixture.charging().usage(MSISDN)).hasSize(2);

      ForgottenHistory kept =
          fixture.charging().forgetHistoryBefore(Instant.parse("2026-11-23T00:00:00Z"));
      ForgottenHistory forgotten =
          fixture.charging().forgetHistoryBefore(Instant.parse("2026-11-26T00:00:00Z"));

      assertThat(kept).isEqualTo(new ForgottenHistory(0, 0));
      assertThat(forgotten.usage()).as("Monday's day of WeChat traffic").isEqualTo(1);
      assertThat(forgotten.decisions()).isPositive();
      assertThat(fixture.charging().usage(MSISDN))
          .singleElement()
          .satisfies(u -> assertThat(u.day()).isEqualTo(LocalDate.of(2026, 11, 26)));
      List<DecisionRecord> left = fixture.charging().decisions(MSISDN, later, 100).records();
      assertThat(left)
          .hasSize(decisionsBefore - (int) forgotten.decisions())
          .isNotEmpty()
          .allMatch(r -> !r.hour().isBefore(Instant.parse("2026-11-26T00:00:00Z")));
    }
  }
}
