package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import java.time.Instant;
import java.util.Optional;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;

/**
 * A request of a voice call on Ro (3GPP TS 32.260, IMS session charging on RFC 4006), told apart by
 * its Service-Context-Id: CCR-I asks time for the call, CCR-U reports talk time and asks more,
 * CCR-T reports the last talk time and ends it.
 *
 * @param requestType the CC-Request-Type
 * @param requestedSeconds the Requested-Service-Unit time (CC-Time); 0 when none was given
 * @param usedSeconds the Used-Service-Unit time reported; 0 when none
 * @param ratingGroup the Rating-Group of the request's Multiple-Services-Credit-Control
 */
record VoiceRequest(int requestType, long requestedSeconds, long usedSeconds, long ratingGroup)
    implements UnitRequest {

  @Override
  public void report(Account account, String sessionId) {
    account.voice(ratingGroup).commit(sessionId, usedSeconds);
  }

  @Override
  public CreditControlOutcome decide(
      Account account, String sessionId, long number, Instant now, ChargingSettings settings) {
    return VoiceCharging.decide(account, sessionId, this, number, now, settings);
  }

  /** The rating group a call is answered under when the request names none. */
  static final long NO_RATING_GROUP = 0;

  /**
   * The voice request a request is, or empty when it is for another service.
   *
   * @throws InvalidAvpException 5004 for a CCR-EVENT (a call is a session) or an unreadable unit
   */
  static Optional<VoiceRequest> of(AvpSet avps, int requestType) throws InvalidAvpException {
    if (!UnitRequest.forService(avps, GyAvp.VOICE_CONTEXT)) {
      return Optional.empty();
    }
    if (requestType == GyAvp.EVENT_REQUEST) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, GyAvp.CC_REQUEST_TYPE);
    }
    long ratingGroup = NO_RATING_GROUP;
    AvpSet units = avps;
    Avp mscc = avps.getAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL);
    if (mscc != null) {
      units = AvpValues.grouped(mscc, GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL);
      Avp group = units.getAvp(GyAvp.RATING_GROUP);
      if (group != null) {
        ratingGroup = AvpValues.unsigned32(group, GyAvp.RATING_GROUP);
      }
    }
    long used = 0;
    for (Avp usu : units.getAvps(GyAvp.USED_SERVICE_UNIT)) {
      used += seconds(usu, GyAvp.USED_SERVICE_UNIT);
    }
    Avp rsu = units.getAvp(GyAvp.REQUESTED_SERVICE_UNIT);
    long requested = rsu == null ? 0 : seconds(rsu, GyAvp.REQUESTED_SERVICE_UNIT);
    return Optional.of(new VoiceRequest(requestType, requested, used, ratingGroup));
  }

  /** The CC-Time of a unit AVP; 0 when it has none. */
  private static long seconds(Avp unit, int code) throws InvalidAvpException {
    Avp time = AvpValues.grouped(unit, code).getAvp(GyAvp.CC_TIME);
    return time == null ? 0 : AvpValues.unsigned32(time, GyAvp.CC_TIME);
  }
}
