package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import java.time.Instant;
import java.util.Optional;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;

/**
 * A request of SMS charging (3GPP TS 32.274 on RFC 4006), told apart by its Service-Context-Id: an
 * event (CCR-EVENT with a Requested-Action), or a session with unit reservation (ECUR: CCR-I
 * reserves, CCR-T reports what was used and ends the reservation).
 *
 * @param requestType the CC-Request-Type: {@link GyAvp#EVENT_REQUEST}, {@link
 *     GyAvp#INITIAL_REQUEST} or {@link GyAvp#TERMINATION_REQUEST}
 * @param action an event's Requested-Action ({@link GyAvp#DIRECT_DEBITING} …); for a session, 0
 * @param units the CC-Service-Specific-Units asked for (the parts of a long SMS); 1 when not said
 * @param usedUnits the units a CCR-T reports used; 0 when it reports none (a release)
 * @param ratingGroup the Rating-Group of the request's Multiple-Services-Credit-Control, if any
 */
record SmsRequest(
    int requestType, int action, long units, long usedUnits, Optional<Long> ratingGroup)
    implements UnitRequest {

  /** A CCR-T of a reservation reports the units delivered; an event reports nothing. */
  @Override
  public void report(Account account, String sessionId) {
    if (requestType == GyAvp.TERMINATION_REQUEST) {
      account.sms(ratingGroup.orElse(0L)).commit(sessionId, usedUnits);
    }
  }

  @Override
  public CreditControlOutcome decide(
      Account account, String sessionId, long number, Instant now, ChargingSettings settings) {
    return SmsCharging.decide(
        account, sessionId, this, number, now.plus(settings.grants().reservationLifetime()));
  }

  /** The most parts a concatenated SMS has (an 8-bit reference, TS 23.040 9.2.3.24.1). */
  static final long MAX_UNITS = 255;

  boolean isEvent() {
    return requestType == GyAvp.EVENT_REQUEST;
  }

  /**
   * The SMS request a request is, or empty when it is for another service.
   *
   * @throws InvalidAvpException 5005 for an event without Requested-Action (mandatory there, RFC
   *     4006 8.41); 5004 for an unknown action, a unit count of 0 or above {@link #MAX_UNITS}, or a
   *     CCR-U (SMS reservations are made and ended, never updated)
   */
  static Optional<SmsRequest> of(AvpSet avps, int requestType) throws InvalidAvpException {
    if (!UnitRequest.forService(avps, GyAvp.SMS_CONTEXT)) {
      return Optional.empty();
    }
    if (requestType == GyAvp.UPDATE_REQUEST) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, GyAvp.CC_REQUEST_TYPE);
    }
    int action = requestType == GyAvp.EVENT_REQUEST ? action(avps) : 0;
    Optional<Long> ratingGroup = Optional.empty();
    AvpSet units = avps;
    Avp mscc = avps.getAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL);
    if (mscc != null) {
      units = AvpValues.grouped(mscc, GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL);
      Avp group = units.getAvp(GyAvp.RATING_GROUP);
      if (group != null) {
        ratingGroup = Optional.of(AvpValues.unsigned32(group, GyAvp.RATING_GROUP));
      }
    }
    long asked = count(units, GyAvp.REQUESTED_SERVICE_UNIT, 1);
    long used = count(units, GyAvp.USED_SERVICE_UNIT, 0);
    if (requestType != GyAvp.TERMINATION_REQUEST && (asked < 1 || asked > MAX_UNITS)) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, GyAvp.CC_SERVICE_SPECIFIC_UNITS);
    }
    return Optional.of(new SmsRequest(requestType, action, asked, used, ratingGroup));
  }

  private static int action(AvpSet avps) throws InvalidAvpException {
    Avp action = avps.getAvp(GyAvp.REQUESTED_ACTION);
    if (action == null) {
      throw new InvalidAvpException(ResultCode.MISSING_AVP, GyAvp.REQUESTED_ACTION);
    }
    int value = AvpValues.integer32(action, GyAvp.REQUESTED_ACTION);
    if (value < GyAvp.DIRECT_DEBITING || value > GyAvp.PRICE_ENQUIRY) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, GyAvp.REQUESTED_ACTION);
    }
    return value;
  }

  /**
   * The CC-Service-Specific-Units of the unit AVP {@code code} in {@code avps}, or {@code none}.
   */
  private static long count(AvpSet avps, int code, long none) throws InvalidAvpException {
    Avp unit = avps.getAvp(code);
    if (unit == null) {
      return none;
    }
    Avp units = AvpValues.grouped(unit, code).getAvp(GyAvp.CC_SERVICE_SPECIFIC_UNITS);
    return units == null ? none : AvpValues.unsigned64(units, GyAvp.CC_SERVICE_SPECIFIC_UNITS);
  }
}
