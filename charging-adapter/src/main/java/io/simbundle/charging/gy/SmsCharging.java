package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.account.SmsBalance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers SMS charging from the plan's SMS (3GPP TS 32.274, RFC 4006 5.4 and 8.41). Events:
 * DIRECT_DEBITING takes the units — beyond the plan only when the catalog prices SMS there, else it
 * is refused with 4012 when too few are left; REFUND_ACCOUNT puts back what the event session
 * debited, once; CHECK_BALANCE says whether the units may be sent; PRICE_ENQUIRY prices them —
 * nothing within the plan, the catalog's price for each beyond it. Sessions with unit reservation:
 * CCR-I holds the units (or 4012), CCR-T debits what it reports used and releases the rest; a hold
 * whose CCR-T never comes lapses with the reservation lifetime. A barred subscriber may be refunded
 * and end sessions, nothing else (4010).
 */
final class SmsCharging {

  private SmsCharging() {}

  static CreditControlOutcome decide(
      Account account, String sessionId, SmsRequest request, long number, Instant holdUntil) {
    boolean ends =
        request.action() == GyAvp.REFUND_ACCOUNT
            || request.requestType() == GyAvp.TERMINATION_REQUEST;
    long ratingGroup = request.ratingGroup().orElse(0L);
    if (account.barred() && !ends) {
      account.deny(Decision.Service.SMS, ratingGroup, Reason.BARRED);
      return units(ResultCode.END_USER_SERVICE_DENIED, number, request, 0);
    }
    SmsBalance sms = account.sms(ratingGroup);
    if (request.requestType() == GyAvp.INITIAL_REQUEST) {
      return sms.reserve(sessionId, request.units(), holdUntil)
          ? units(ResultCode.SUCCESS, number, request, request.units())
          : units(ResultCode.CREDIT_LIMIT_REACHED, number, request, 0);
    }
    if (request.requestType() == GyAvp.TERMINATION_REQUEST) {
      // What was delivered is debited already (SmsRequest.report).
      return units(ResultCode.SUCCESS, number, request, 0);
    }
    boolean enough = sms.mayUse(request.units());
    return switch (request.action()) {
      case GyAvp.DIRECT_DEBITING ->
          sms.debit(sessionId, request.units())
              ? units(ResultCode.SUCCESS, number, request, request.units())
              : units(ResultCode.CREDIT_LIMIT_REACHED, number, request, 0);
      case GyAvp.REFUND_ACCOUNT ->
          units(ResultCode.SUCCESS, number, request, sms.refund(sessionId));
      case GyAvp.CHECK_BALANCE ->
          answer(
              ResultCode.SUCCESS,
              request,
              number,
              new EventOutcome(Optional.empty(), 0, Optional.of(enough), Optional.empty()));
      case GyAvp.PRICE_ENQUIRY ->
          enough
              ? answer(
                  ResultCode.SUCCESS,
                  request,
                  number,
                  new EventOutcome(
                      Optional.empty(),
                      0,
                      Optional.empty(),
                      Optional.of(sms.priceFen(request.units()))))
              : units(ResultCode.CREDIT_LIMIT_REACHED, number, request, 0);
      default -> throw new IllegalArgumentException("Requested-Action " + request.action());
    };
  }

  private static CreditControlOutcome units(
      long resultCode, long number, SmsRequest request, long units) {
    return answer(
        resultCode,
        request,
        number,
        new EventOutcome(request.ratingGroup(), units, Optional.empty(), Optional.empty()));
  }

  private static CreditControlOutcome answer(
      long resultCode, SmsRequest request, long number, EventOutcome event) {
    return new CreditControlOutcome(
        resultCode, request.requestType(), number, Optional.empty(), List.of(), Optional.of(event));
  }
}
