package io.simbundle.charging.gy;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.gy.ChargingFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.simbundle.charging.Balance;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.PlanExtras;
import io.simbundle.charging.profile.SponsoredMinutes;
import io.simbundle.charging.usage.ExplainedUsage;
import io.simbundle.platform.testing.EngineTest;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Voice calls charged on Ro over real TCP on the real database (3GPP TS 32.260): the plan's minutes
 * granted call by call, talk time rounded up per started minute, the last minutes with a
 * Final-Unit-Indication, then 4012; retransmissions and restarts change nothing.
 */
@EngineTest
class VoiceChargingTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant CYCLE_START = Instant.parse("2026-10-31T16:00:00Z");
  private static final Instant CYCLE_END = Instant.parse("2026-11-30T16:00:00Z");
  private static final long CALL_GROUP = PcefSimulator.VOICE_RATING_GROUP;
  private static final String FRIEND = "8613900000000";
  private static ChargingFixture fixture;
  private static PcefSimulator cscf;

  @BeforeAll
  static void start() {
    fixture = start("voice_charging");
    cscf = fixture.pcef("scscf-1.ims.simbundle.local");
  }

  @AfterAll
  static void stop() {
    cscf.close();
    fixture.close();
  }

  private static ChargingFixture start(String purpose) {
    return ChargingFixture.start(
        purpose,
        ChargingSettings.UnknownRatingGroups.DENY,
        Optional.empty(),
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static ChargingProfile minutes(String msisdn, long minutes) {
    return new ChargingProfile(
            msisdn, Optional.empty(), 100 * MB, CYCLE_START, CYCLE_END, List.of(), List.of())
        .withVoice(minutes * 60, ChargingProfile.PER_STARTED_MINUTE);
  }

  private static AnswerView call(
      PcefSimulator node, Session session, int type, int number, String msisdn, long used) {
    return new AnswerView(
        ChargingFixture.send(
            node,
            session,
            () -> node.voiceCall(session, type, number, msisdn, FRIEND, type == 3 ? -1 : 0, used)));
  }

  private static long secondsLeft(ChargingFixture on, String msisdn) {
    return on.charging().balance(msisdn).orElseThrow().voiceSecondsLeft();
  }

  @Test
  void aCallIsGrantedThePlansMinutesChargedPerStartedMinuteThenRefusedWithFinalUnits()
      throws Exception {
    String msisdn = "8618600000201";
    fixture.charging().install(minutes(msisdn, 10));
    Session session = cscf.newSession();

    AnswerView initial = call(cscf, session, GyAvp.INITIAL_REQUEST, 0, msisdn, -1);
    AnswerView afterFourMinutesTen = call(cscf, session, GyAvp.UPDATE_REQUEST, 1, msisdn, 250);
    AnswerView last = call(cscf, session, GyAvp.UPDATE_REQUEST, 2, msisdn, 300);
    AnswerView none = call(cscf, session, GyAvp.UPDATE_REQUEST, 3, msisdn, 50);
    AnswerView ended = call(cscf, session, GyAvp.TERMINATION_REQUEST, 4, msisdn, 0);

    assertThat(initial.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(initial.mscc(CALL_GROUP).grantedSeconds()).isEqualTo(300);
    assertThat(initial.mscc(CALL_GROUP).finalUnitAction()).isEmpty();
    assertThat(initial.mscc(CALL_GROUP).validitySeconds()).isEqualTo(1800);
    // 250 s cost five minutes: 300 s left, and the 50 s already paid for.
    assertThat(afterFourMinutesTen.mscc(CALL_GROUP).grantedSeconds()).isEqualTo(300);
    assertThat(last.mscc(CALL_GROUP).grantedSeconds()).isEqualTo(50);
    assertThat(last.mscc(CALL_GROUP).finalUnitAction()).contains(GyAvp.TERMINATE);
    assertThat(none.resultCode()).isEqualTo(ResultCode.CREDIT_LIMIT_REACHED);
    assertThat(none.mscc(CALL_GROUP).finalUnitAction()).contains(GyAvp.TERMINATE);
    assertThat(ended.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(secondsLeft(fixture, msisdn)).isZero();
    assertThat(fixture.charging().balance(msisdn).orElseThrow().allowanceUsedBytes())
        .as("calls cost no data")
        .isZero();
  }

  @Test
  void aRetransmittedReportIsDebitedOnce() throws Exception {
    String msisdn = "8618600000202";
    fixture.charging().install(minutes(msisdn, 10));
    Session session = cscf.newSession();
    call(cscf, session, GyAvp.INITIAL_REQUEST, 0, msisdn, -1);

    AnswerView first = call(cscf, session, GyAvp.UPDATE_REQUEST, 1, msisdn, 61);
    Request again = cscf.voiceCall(session, GyAvp.UPDATE_REQUEST, 1, msisdn, FRIEND, 0, 61);
    again.setReTransmitted(true);
    AnswerView retransmitted = new AnswerView(cscf.send(session, again, TIMEOUT));
    call(cscf, session, GyAvp.TERMINATION_REQUEST, 2, msisdn, 0);

    assertThat(retransmitted.mscc(CALL_GROUP).grantedSeconds())
        .isEqualTo(first.mscc(CALL_GROUP).grantedSeconds());
    assertThat(secondsLeft(fixture, msisdn)).as("two started minutes, once").isEqualTo(480);
  }

  @Test
  void aBarredSubscriberCannotCallAndACallIsNeverAnEvent() throws Exception {
    String msisdn = "8618600000203";
    fixture.charging().install(minutes(msisdn, 10));
    fixture.charging().bar(msisdn, true);

    AnswerView barred = call(cscf, cscf.newSession(), GyAvp.INITIAL_REQUEST, 0, msisdn, -1);
    AnswerView event = call(cscf, cscf.newSession(), GyAvp.EVENT_REQUEST, 0, msisdn, -1);

    assertThat(barred.resultCode()).isEqualTo(ResultCode.END_USER_SERVICE_DENIED);
    assertThat(event.resultCode()).isEqualTo(ResultCode.INVALID_AVP_VALUE);
    assertThat(event.failedAvpCode()).contains(GyAvp.CC_REQUEST_TYPE);
    assertThat(secondsLeft(fixture, msisdn)).isEqualTo(600);
  }

  @Test
  void aCallsDebitsAndGrantSurviveARestart() throws Exception {
    String msisdn = "8618600000204";
    try (ChargingFixture own = start("voice_restart")) {
      own.charging().install(minutes(msisdn, 10));
      String sessionId;
      AnswerView before;
      try (PcefSimulator first = own.pcef("scscf-2.ims.simbundle.local")) {
        Session session = first.newSession();
        sessionId = session.getSessionId();
        call(first, session, GyAvp.INITIAL_REQUEST, 0, msisdn, -1);
        before = call(first, session, GyAvp.UPDATE_REQUEST, 1, msisdn, 61);
      }

      own.restartCharging();

      try (PcefSimulator again = own.pcef("scscf-3.ims.simbundle.local")) {
        Session resumed = again.session(sessionId);
        Request retransmitted =
            again.voiceCall(resumed, GyAvp.UPDATE_REQUEST, 1, msisdn, FRIEND, 0, 61);
        retransmitted.setReTransmitted(true);
        AnswerView after = new AnswerView(again.send(resumed, retransmitted, TIMEOUT));

        assertThat(after.mscc(CALL_GROUP).grantedSeconds())
            .isEqualTo(before.mscc(CALL_GROUP).grantedSeconds());
        // 120 s debited, 300 s held by the call: 180 s left for other calls.
        assertThat(secondsLeft(own, msisdn)).isEqualTo(180);
        AnswerView ended = call(again, resumed, GyAvp.TERMINATION_REQUEST, 2, msisdn, 30);
        assertThat(ended.resultCode()).isEqualTo(ResultCode.SUCCESS);
        assertThat(secondsLeft(own, msisdn))
            .as("30 s more stay within the paid minute")
            .isEqualTo(480);
      }
    }
  }

  /** NetEase's Yixin gateway: calls to numbers it presents as +86 12593… are sponsored. */
  private static final String YIXIN_CALL = "86125930000001";

  private static ChargingProfile withYixinCalls(String msisdn, long planMinutes, long sponsored) {
    return minutes(msisdn, planMinutes)
        .withExtras(
            new PlanExtras(
                List.of(
                    new SponsoredMinutes(
                        "yixin-free-calls", "netease", sponsored * 60, Set.of("8612593"))),
                Optional.empty(),
                Optional.empty()));
  }

  private static AnswerView callTo(
      PcefSimulator node,
      Session session,
      int type,
      int number,
      String msisdn,
      String to,
      long used) {
    return new AnswerView(
        ChargingFixture.send(
            node,
            session,
            () -> node.voiceCall(session, type, number, msisdn, to, type == 3 ? -1 : 0, used)));
  }

  @Test
  void sponsoredMinutesPayForCallsToThePartnersNumbersBeforeThePlanAndAreSettledToThePartner()
      throws Exception {
    String msisdn = "8618600000205";
    fixture.charging().install(withYixinCalls(msisdn, 10, 2));
    Session yixin = cscf.newSession();
    Session friend = cscf.newSession();

    AnswerView sponsored = callTo(cscf, yixin, GyAvp.INITIAL_REQUEST, 0, msisdn, YIXIN_CALL, -1);
    // 150 s talked: the two sponsored minutes, and one started minute of the plan.
    callTo(cscf, yixin, GyAvp.TERMINATION_REQUEST, 1, msisdn, YIXIN_CALL, 150);
    callTo(cscf, friend, GyAvp.INITIAL_REQUEST, 0, msisdn, FRIEND, -1);
    callTo(cscf, friend, GyAvp.TERMINATION_REQUEST, 1, msisdn, FRIEND, 30);

    assertThat(sponsored.mscc(CALL_GROUP).grantedSeconds())
        .as("a grant from the sponsored pool only")
        .isEqualTo(120);
    Balance balance = fixture.charging().balance(msisdn).orElseThrow();
    assertThat(balance.beyondPlan().sponsoredSecondsUsed()).containsEntry("yixin-free-calls", 120L);
    assertThat(balance.voiceSecondsUsed()).as("one minute of each call").isEqualTo(120);
    assertThat(fixture.charging().settlement(YearMonth.of(2026, 11), ChargingFixture.demoCatalog()))
        .filteredOn(s -> s.privilegeCode().equals("yixin-free-calls"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.partnerCode()).isEqualTo("netease");
              assertThat(s.sponsoredSeconds()).isEqualTo(120);
              assertThat(s.amountFen()).as("two minutes at 6 fen").isEqualTo(12);
            });
    assertThat(fixture.charging().explainedUsage(msisdn, CYCLE_START).orElseThrow())
        .extracting(ExplainedUsage::reason, ExplainedUsage::units)
        .containsExactlyInAnyOrder(
            tuple(Reason.SPONSORED_MINUTES, 120L), tuple(Reason.PLAN_MINUTES, 120L));
  }

  @Test
  void aPlanThatPricesCallsBeyondItKeepsGrantingWithoutFinalUnitsAndCountsTheOverage()
      throws Exception {
    String msisdn = "8618600000206";
    fixture
        .charging()
        .install(
            minutes(msisdn, 1)
                .withExtras(new PlanExtras(List.of(), Optional.of(15L), Optional.empty())));
    Session session = cscf.newSession();

    AnswerView initial = call(cscf, session, GyAvp.INITIAL_REQUEST, 0, msisdn, -1);
    AnswerView beyond = call(cscf, session, GyAvp.UPDATE_REQUEST, 1, msisdn, 60);
    AnswerView ended = call(cscf, session, GyAvp.TERMINATION_REQUEST, 2, msisdn, 200);

    assertThat(initial.mscc(CALL_GROUP).grantedSeconds()).isEqualTo(60);
    assertThat(initial.mscc(CALL_GROUP).finalUnitAction())
        .as("more can be bought beyond the plan")
        .isEmpty();
    assertThat(beyond.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(beyond.mscc(CALL_GROUP).grantedSeconds()).isEqualTo(300);
    assertThat(beyond.mscc(CALL_GROUP).finalUnitAction()).isEmpty();
    assertThat(ended.resultCode()).isEqualTo(ResultCode.SUCCESS);
    Balance.BeyondPlan overage = fixture.charging().balance(msisdn).orElseThrow().beyondPlan();
    assertThat(overage.voiceOverageSeconds())
        .as("260 s talked: 1 min in plan, 4 beyond")
        .isEqualTo(240);
    assertThat(overage.overageFen()).as("four minutes at 15 fen").isEqualTo(60);
  }
}
