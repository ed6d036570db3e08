package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.account.VoiceBalance;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Answers voice calls on Ro (3GPP TS 32.260 on RFC 4006): talk time reported is debited per call in
 * the plan's rounding unit (per started minute by default), then time is granted from minutes a
 * partner sponsors for the number called, the plan's minutes, and — only if the catalog prices it —
 * time beyond the plan; the last of it with a Final-Unit-Indication, none with 4012. Reservations
 * lapse like data's; a barred subscriber's calls are refused (4010), their last reports still
 * debited.
 */
final class VoiceCharging {

  /** The most time granted at once: a call reports at least this often. */
  static final long MAX_GRANT_SECONDS = 300;

  private VoiceCharging() {}

  static CreditControlOutcome decide(
      Account account,
      String sessionId,
      VoiceRequest request,
      long number,
      Instant now,
      ChargingSettings settings) {
    // The talk time reported is debited already (VoiceRequest.report), the cycle rolled over.
    VoiceBalance voice = account.voice(request.ratingGroup(), request.calledNumber());
    int type = request.requestType();
    if (type == GyAvp.TERMINATION_REQUEST) {
      voice.end(sessionId);
      return answer(ResultCode.SUCCESS, type, number, List.of());
    }
    if (account.barred()) {
      voice.end(sessionId);
      account.deny(Decision.Service.VOICE, request.ratingGroup(), Reason.BARRED);
      return answer(ResultCode.END_USER_SERVICE_DENIED, type, number, List.of());
    }
    long validity = DataGrants.validitySeconds(settings, account, now);
    long wanted =
        request.requestedSeconds() > 0
            ? Math.min(request.requestedSeconds(), MAX_GRANT_SECONDS)
            : MAX_GRANT_SECONDS;
    long granted =
        voice.reserve(sessionId, wanted, now.plus(settings.grants().reservationLifetime()));
    boolean last = granted == 0 || voice.isLast(sessionId, granted);
    long resultCode = granted > 0 ? ResultCode.SUCCESS : ResultCode.CREDIT_LIMIT_REACHED;
    MsccOutcome mscc =
        new MsccOutcome(
            request.ratingGroup(), Optional.empty(), resultCode, 0, last, validity, 0, granted);
    return answer(resultCode, type, number, List.of(mscc));
  }

  private static CreditControlOutcome answer(
      long resultCode, int type, long number, List<MsccOutcome> mscc) {
    return new CreditControlOutcome(resultCode, type, number, Optional.empty(), mscc);
  }
}
