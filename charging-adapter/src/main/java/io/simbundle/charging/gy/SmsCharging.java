package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import java.util.List;
import java.util.Optional;

/**
 * Answers SMS charging events from the plan's SMS (RFC 4006 5.4 and 8.41): DIRECT_DEBITING takes
 * the units or is refused with 4012 when the plan has too few left (no SMS is priced beyond the
 * plan); REFUND_ACCOUNT puts back what the event session debited, once; CHECK_BALANCE says whether
 * the units are there; PRICE_ENQUIRY prices them — nothing within the plan. A barred subscriber may
 * be refunded, nothing else (4010).
 */
final class SmsCharging {

  private SmsCharging() {}

  static CreditControlOutcome decide(
      Account account, String sessionId, SmsEvent event, long requestNumber) {
    if (account.barred() && event.action() != GyAvp.REFUND_ACCOUNT) {
      return outcome(ResultCode.END_USER_SERVICE_DENIED, requestNumber, event, 0);
    }
    boolean enough = account.smsLeft() >= event.units();
    return switch (event.action()) {
      case GyAvp.DIRECT_DEBITING ->
          account.debitSms(sessionId, event.units())
              ? outcome(ResultCode.SUCCESS, requestNumber, event, event.units())
              : outcome(ResultCode.CREDIT_LIMIT_REACHED, requestNumber, event, 0);
      case GyAvp.REFUND_ACCOUNT ->
          outcome(ResultCode.SUCCESS, requestNumber, event, account.refundSms(sessionId));
      case GyAvp.CHECK_BALANCE ->
          answer(
              ResultCode.SUCCESS,
              requestNumber,
              new EventOutcome(Optional.empty(), 0, Optional.of(enough), Optional.empty()));
      case GyAvp.PRICE_ENQUIRY ->
          enough
              ? answer(
                  ResultCode.SUCCESS,
                  requestNumber,
                  new EventOutcome(Optional.empty(), 0, Optional.empty(), Optional.of(0L)))
              : outcome(ResultCode.CREDIT_LIMIT_REACHED, requestNumber, event, 0);
      default -> throw new IllegalArgumentException("Requested-Action " + event.action());
    };
  }

  private static CreditControlOutcome outcome(
      long resultCode, long requestNumber, SmsEvent event, long units) {
    return answer(
        resultCode,
        requestNumber,
        new EventOutcome(event.ratingGroup(), units, Optional.empty(), Optional.empty()));
  }

  private static CreditControlOutcome answer(
      long resultCode, long requestNumber, EventOutcome event) {
    return new CreditControlOutcome(
        resultCode,
        GyAvp.EVENT_REQUEST,
        requestNumber,
        Optional.empty(),
        List.of(),
        Optional.of(event));
  }
}
