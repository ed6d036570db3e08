package io.simbundle.charging.gy;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.gy.ChargingFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.Balance;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.PlanExtras;
import io.simbundle.platform.testing.EngineTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SMS charged as RFC 4006 events over real TCP on the real database (3GPP TS 32.274): each
 * Requested-Action, the plan's SMS as the limit, refunds once, answers kept across a restart.
 */
@EngineTest
class SmsChargingTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant CYCLE_START = Instant.parse("2026-10-31T16:00:00Z");
  private static final Instant CYCLE_END = Instant.parse("2026-11-30T16:00:00Z");
  private static final long SMS_RATING_GROUP = 50;
  private static ChargingFixture fixture;
  private static PcefSimulator smsc;

  @BeforeAll
  static void start() {
    fixture =
        ChargingFixture.start(
            "sms_charging",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    smsc = fixture.pcef("smsc-1.smsc.simbundle.local");
  }

  @AfterAll
  static void stop() {
    smsc.close();
    fixture.close();
  }

  private static void subscriber(String msisdn, long smsPerCycle) {
    fixture
        .charging()
        .install(
            new ChargingProfile(
                    msisdn,
                    Optional.empty(),
                    100 * MB,
                    CYCLE_START,
                    CYCLE_END,
                    List.of(),
                    List.of())
                .withSmsPerCycle(smsPerCycle));
  }

  private static AnswerView event(
      Session session, int number, String msisdn, int action, long units) {
    return event(session, number, msisdn, action, units, UnaryOperator.identity());
  }

  private static AnswerView event(
      Session session,
      int number,
      String msisdn,
      int action,
      long units,
      UnaryOperator<Request> edit) {
    return new AnswerView(
        ChargingFixture.send(
            smsc,
            session,
            () ->
                edit.apply(
                    smsc.smsEvent(session, number, msisdn, action, units, SMS_RATING_GROUP))));
  }

  private static long smsLeft(String msisdn) {
    return fixture.charging().balance(msisdn).orElseThrow().smsLeft();
  }

  @Test
  void directDebitingTakesThePlansSmsThenRefusesWithCreditLimitReached() throws Exception {
    String msisdn = "8618600000101";
    subscriber(msisdn, 3);

    AnswerView twoParts = event(smsc.newSession(), 0, msisdn, GyAvp.DIRECT_DEBITING, 2);
    AnswerView twoMore = event(smsc.newSession(), 0, msisdn, GyAvp.DIRECT_DEBITING, 2);
    AnswerView lastOne = event(smsc.newSession(), 0, msisdn, GyAvp.DIRECT_DEBITING, 1);

    assertThat(twoParts.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(twoParts.mscc(SMS_RATING_GROUP).grantedUnits()).isEqualTo(2);
    assertThat(twoMore.resultCode()).isEqualTo(ResultCode.CREDIT_LIMIT_REACHED);
    assertThat(twoMore.mscc(SMS_RATING_GROUP).resultCode())
        .isEqualTo(ResultCode.CREDIT_LIMIT_REACHED);
    assertThat(twoMore.mscc(SMS_RATING_GROUP).grantedUnits()).isZero();
    assertThat(lastOne.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(smsLeft(msisdn)).isZero();
    assertThat(fixture.charging().balance(msisdn).orElseThrow().allowanceUsedBytes())
        .as("SMS cost no data")
        .isZero();
  }

  @Test
  void aRefundPutsBackWhatItsSessionTookOnceAlsoWhenSentAgain() throws Exception {
    String msisdn = "8618600000102";
    subscriber(msisdn, 5);
    Session undelivered = smsc.newSession();
    event(undelivered, 0, msisdn, GyAvp.DIRECT_DEBITING, 2);
    assertThat(smsLeft(msisdn)).isEqualTo(3);

    AnswerView refund = event(undelivered, 1, msisdn, GyAvp.REFUND_ACCOUNT, 2);
    AnswerView retransmitted =
        event(
            undelivered,
            1,
            msisdn,
            GyAvp.REFUND_ACCOUNT,
            2,
            request -> {
              request.setReTransmitted(true);
              return request;
            });
    AnswerView refundAgain = event(undelivered, 2, msisdn, GyAvp.REFUND_ACCOUNT, 2);

    assertThat(refund.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(refund.mscc(SMS_RATING_GROUP).grantedUnits()).isEqualTo(2);
    assertThat(retransmitted.mscc(SMS_RATING_GROUP).grantedUnits())
        .as("the same answer to the same request")
        .isEqualTo(2);
    assertThat(refundAgain.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(refundAgain.mscc(SMS_RATING_GROUP).grantedUnits())
        .as("nothing left to put back")
        .isZero();
    assertThat(smsLeft(msisdn)).isEqualTo(5);
  }

  @Test
  void checkBalanceAndPriceEnquiryDebitNothingAndSayWhatIsLeft() throws Exception {
    String msisdn = "8618600000103";
    subscriber(msisdn, 1);

    AnswerView enough = event(smsc.newSession(), 0, msisdn, GyAvp.CHECK_BALANCE, 1);
    AnswerView price = event(smsc.newSession(), 0, msisdn, GyAvp.PRICE_ENQUIRY, 1);
    AnswerView tooMany = event(smsc.newSession(), 0, msisdn, GyAvp.CHECK_BALANCE, 2);
    AnswerView noPrice = event(smsc.newSession(), 0, msisdn, GyAvp.PRICE_ENQUIRY, 2);

    assertThat(enough.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(enough.checkBalanceResult()).contains(GyAvp.ENOUGH_CREDIT);
    assertThat(price.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(price.cost())
        .contains(new AnswerView.Cost(new BigDecimal("0.00"), GyAvp.CURRENCY_CNY));
    assertThat(tooMany.checkBalanceResult()).contains(GyAvp.NO_CREDIT);
    assertThat(noPrice.resultCode())
        .as("no SMS is priced beyond the plan")
        .isEqualTo(ResultCode.CREDIT_LIMIT_REACHED);
    assertThat(smsLeft(msisdn)).isEqualTo(1);
  }

  @Test
  void aPlanThatPricesSmsBeyondItSendsThemAndPricesThemOnEnquiry() throws Exception {
    String msisdn = "8618600000109";
    fixture
        .charging()
        .install(
            new ChargingProfile(
                    msisdn, Optional.empty(), 0, CYCLE_START, CYCLE_END, List.of(), List.of())
                .withSmsPerCycle(1)
                .withExtras(new PlanExtras(List.of(), Optional.empty(), Optional.of(10L))));

    AnswerView price = event(smsc.newSession(), 0, msisdn, GyAvp.PRICE_ENQUIRY, 3);
    AnswerView check = event(smsc.newSession(), 0, msisdn, GyAvp.CHECK_BALANCE, 3);
    AnswerView sent = event(smsc.newSession(), 0, msisdn, GyAvp.DIRECT_DEBITING, 3);

    assertThat(price.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(price.cost())
        .as("two beyond the plan at 0.10 yuan")
        .contains(new AnswerView.Cost(new BigDecimal("0.20"), GyAvp.CURRENCY_CNY));
    assertThat(check.checkBalanceResult()).contains(GyAvp.ENOUGH_CREDIT);
    assertThat(sent.resultCode()).isEqualTo(ResultCode.SUCCESS);
    Balance balance = fixture.charging().balance(msisdn).orElseThrow();
    assertThat(balance.smsLeft()).isZero();
    assertThat(balance.beyondPlan().smsOverage()).isEqualTo(2);
    assertThat(balance.beyondPlan().overageFen()).isEqualTo(20);
  }

  private static AnswerView reservation(
      Session session, int type, int number, String msisdn, long units, long used) {
    return new AnswerView(
        ChargingFixture.send(
            smsc,
            session,
            () ->
                smsc.smsReservation(session, type, number, msisdn, units, used, SMS_RATING_GROUP)));
  }

  @Test
  void aReservedSmsIsHeldAtCcrIAndOnlyWhatWasDeliveredIsDebitedAtCcrT() throws Exception {
    String msisdn = "8618600000107";
    subscriber(msisdn, 4);
    Session longSms = smsc.newSession();
    Session failed = smsc.newSession();

    AnswerView held = reservation(longSms, GyAvp.INITIAL_REQUEST, 0, msisdn, 3, -1);
    AnswerView tooMany = reservation(failed, GyAvp.INITIAL_REQUEST, 0, msisdn, 2, -1);
    long leftWhileHeld = smsLeft(msisdn);
    AnswerView delivered = reservation(longSms, GyAvp.TERMINATION_REQUEST, 1, msisdn, 0, 2);
    AnswerView heldAgain = reservation(failed, GyAvp.INITIAL_REQUEST, 1, msisdn, 2, -1);
    AnswerView released = reservation(failed, GyAvp.TERMINATION_REQUEST, 2, msisdn, 0, -1);

    assertThat(held.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(held.mscc(SMS_RATING_GROUP).grantedUnits()).isEqualTo(3);
    assertThat(tooMany.resultCode()).isEqualTo(ResultCode.CREDIT_LIMIT_REACHED);
    assertThat(leftWhileHeld).isEqualTo(1);
    assertThat(delivered.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(heldAgain.mscc(SMS_RATING_GROUP).grantedUnits()).isEqualTo(2);
    assertThat(released.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(smsLeft(msisdn)).as("4 less the 2 parts delivered").isEqualTo(2);
  }

  @Test
  void anSmsReservationIsNeverUpdated() throws Exception {
    String msisdn = "8618600000108";
    subscriber(msisdn, 4);
    Session session = smsc.newSession();
    reservation(session, GyAvp.INITIAL_REQUEST, 0, msisdn, 1, -1);

    AnswerView update = reservation(session, GyAvp.UPDATE_REQUEST, 1, msisdn, 1, 1);

    assertThat(update.resultCode()).isEqualTo(ResultCode.INVALID_AVP_VALUE);
    assertThat(update.failedAvpCode()).contains(GyAvp.CC_REQUEST_TYPE);
  }

  @Test
  void eventsThatCannotBeAnsweredNameTheAvpAtFault() throws Exception {
    String msisdn = "8618600000104";
    subscriber(msisdn, 10);

    AnswerView noAction =
        event(
            smsc.newSession(),
            0,
            msisdn,
            GyAvp.DIRECT_DEBITING,
            1,
            request -> {
              request.getAvps().removeAvp(GyAvp.REQUESTED_ACTION);
              return request;
            });
    AnswerView unknownAction = event(smsc.newSession(), 0, msisdn, 7, 1);
    AnswerView noUnits = event(smsc.newSession(), 0, msisdn, GyAvp.DIRECT_DEBITING, 0);
    AnswerView tooManyParts = event(smsc.newSession(), 0, msisdn, GyAvp.DIRECT_DEBITING, 256);
    AnswerView stranger = event(smsc.newSession(), 0, "8618699999999", GyAvp.DIRECT_DEBITING, 1);

    assertThat(noAction.resultCode()).isEqualTo(ResultCode.MISSING_AVP);
    assertThat(noAction.failedAvpCode()).contains(GyAvp.REQUESTED_ACTION);
    assertThat(unknownAction.resultCode()).isEqualTo(ResultCode.INVALID_AVP_VALUE);
    assertThat(unknownAction.failedAvpCode()).contains(GyAvp.REQUESTED_ACTION);
    assertThat(noUnits.failedAvpCode()).contains(GyAvp.CC_SERVICE_SPECIFIC_UNITS);
    assertThat(tooManyParts.failedAvpCode()).contains(GyAvp.CC_SERVICE_SPECIFIC_UNITS);
    assertThat(stranger.resultCode()).isEqualTo(ResultCode.USER_UNKNOWN);
    assertThat(smsLeft(msisdn)).isEqualTo(10);
  }

  @Test
  void aBarredSubscriberSendsNothingButIsStillRefunded() throws Exception {
    String msisdn = "8618600000105";
    subscriber(msisdn, 4);
    Session sent = smsc.newSession();
    event(sent, 0, msisdn, GyAvp.DIRECT_DEBITING, 1);
    fixture.charging().bar(msisdn, true);

    AnswerView refused = event(smsc.newSession(), 0, msisdn, GyAvp.DIRECT_DEBITING, 1);
    AnswerView refunded = event(sent, 1, msisdn, GyAvp.REFUND_ACCOUNT, 1);

    assertThat(refused.resultCode()).isEqualTo(ResultCode.END_USER_SERVICE_DENIED);
    assertThat(refunded.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(smsLeft(msisdn)).isEqualTo(4);
    fixture.charging().bar(msisdn, false);
  }

  @Test
  void aDebitAndItsAnswerSurviveARestartAndItsRetransmissionDebitsNothingMore() throws Exception {
    String msisdn = "8618600000106";
    // A fixture of its own: the restart moves the charging function to another port.
    try (ChargingFixture own =
        ChargingFixture.start(
            "sms_restart",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC))) {
      own.charging()
          .install(
              new ChargingProfile(
                      msisdn, Optional.empty(), 0, CYCLE_START, CYCLE_END, List.of(), List.of())
                  .withSmsPerCycle(3));
      String sessionId;
      try (PcefSimulator first = own.pcef("smsc-2.smsc.simbundle.local")) {
        Session session = first.newSession();
        sessionId = session.getSessionId();
        first.send(
            session,
            first.smsEvent(session, 0, msisdn, GyAvp.DIRECT_DEBITING, 1, SMS_RATING_GROUP),
            TIMEOUT);
      }

      own.restartCharging();

      try (PcefSimulator again = own.pcef("smsc-3.smsc.simbundle.local")) {
        Session resumed = again.session(sessionId);
        AnswerView retransmitted =
            new AnswerView(
                again.send(
                    resumed,
                    retransmission(
                        again.smsEvent(
                            resumed, 0, msisdn, GyAvp.DIRECT_DEBITING, 1, SMS_RATING_GROUP)),
                    TIMEOUT));

        assertThat(retransmitted.resultCode()).isEqualTo(ResultCode.SUCCESS);
        assertThat(retransmitted.mscc(SMS_RATING_GROUP).grantedUnits()).isEqualTo(1);
        assertThat(own.charging().balance(msisdn).orElseThrow().smsLeft()).isEqualTo(2);
      }
    }
  }

  private static Request retransmission(Request request) {
    request.setReTransmitted(true);
    return request;
  }
}
