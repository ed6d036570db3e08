package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
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
 * @param calledNumber the called party's E.164 digits from IMS-Information, when it names a number
 */
record VoiceRequest(
    int requestType,
    long requestedSeconds,
    long usedSeconds,
    long ratingGroup,
    Optional<String> calledNumber)
    implements UnitRequest {

  @Override
  public void report(Account account, String sessionId) {
    account.voice(ratingGroup, calledNumber).commit(sessionId, usedSeconds);
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
    return Optional.of(
        new VoiceRequest(requestType, requested, used, ratingGroup, calledNumber(avps)));
  }

  /**
   * The number a call goes to, from Service-Information / IMS-Information / Called-Party-Address
   * (TS 32.299): a tel URI or a SIP URI with a number ({@code tel:+8612593...}, {@code
   * sip:+8612593...@ims.example;user=phone}); empty when absent or not a number — a call to a SIP
   * name is charged, just never as sponsored.
   */
  static Optional<String> calledNumber(AvpSet avps) throws InvalidAvpException {
    Avp service = avps.getAvp(GyAvp.SERVICE_INFORMATION, GyAvp.VENDOR_3GPP);
    if (service == null) {
      return Optional.empty();
    }
    Avp ims =
        AvpValues.grouped(service, GyAvp.SERVICE_INFORMATION)
            .getAvp(GyAvp.IMS_INFORMATION, GyAvp.VENDOR_3GPP);
    if (ims == null) {
      return Optional.empty();
    }
    Avp called =
        AvpValues.grouped(ims, GyAvp.IMS_INFORMATION)
            .getAvp(GyAvp.CALLED_PARTY_ADDRESS, GyAvp.VENDOR_3GPP);
    if (called == null) {
      return Optional.empty();
    }
    try {
      return number(called.getUTF8String());
    } catch (AvpDataException e) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, GyAvp.CALLED_PARTY_ADDRESS);
    }
  }

  /** The E.164 digits of a tel or SIP URI naming a number; empty for anything else. */
  static Optional<String> number(String address) {
    Matcher number = NUMBER.matcher(address);
    return number.matches() ? Optional.of(number.group(1)) : Optional.empty();
  }

  /** A tel or SIP URI whose user part is an E.164 number; group 1 holds its digits. */
  private static final Pattern NUMBER =
      Pattern.compile("(?:tel|sips?):\\+?(\\d{3,15})(?:[@;].*)?", Pattern.CASE_INSENSITIVE);

  /** The CC-Time of a unit AVP; 0 when it has none. */
  private static long seconds(Avp unit, int code) throws InvalidAvpException {
    Avp time = AvpValues.grouped(unit, code).getAvp(GyAvp.CC_TIME);
    return time == null ? 0 : AvpValues.unsigned32(time, GyAvp.CC_TIME);
  }
}
