package io.simbundle.charging.gy;

import java.util.Optional;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;

/**
 * An SMS charging event (3GPP TS 32.274 on RFC 4006 event charging): a CCR-EVENT whose
 * Service-Context-Id is SMS's, with what it asks for and how many units.
 *
 * @param action the Requested-Action: {@link GyAvp#DIRECT_DEBITING}, {@link GyAvp#REFUND_ACCOUNT},
 *     {@link GyAvp#CHECK_BALANCE} or {@link GyAvp#PRICE_ENQUIRY}
 * @param units the CC-Service-Specific-Units asked for (the parts of a long SMS); 1 when not said
 * @param ratingGroup the Rating-Group of the request's Multiple-Services-Credit-Control, if any
 */
record SmsEvent(int action, long units, Optional<Long> ratingGroup) {

  /** The most parts a concatenated SMS has (an 8-bit reference, TS 23.040 9.2.3.24.1). */
  static final long MAX_UNITS = 255;

  /**
   * The SMS event a request is, or empty when it is not one (not an event, or another service).
   *
   * @throws InvalidAvpException 5005 without Requested-Action (mandatory in an event, RFC 4006
   *     8.41), 5004 for an unknown action or a unit count that is 0 or above {@link #MAX_UNITS}
   */
  static Optional<SmsEvent> of(AvpSet avps, int requestType) throws InvalidAvpException {
    if (requestType != GyAvp.EVENT_REQUEST || !isSms(avps)) {
      return Optional.empty();
    }
    Avp action = avps.getAvp(GyAvp.REQUESTED_ACTION);
    if (action == null) {
      throw new InvalidAvpException(ResultCode.MISSING_AVP, GyAvp.REQUESTED_ACTION);
    }
    int value = AvpValues.integer32(action, GyAvp.REQUESTED_ACTION);
    if (value < GyAvp.DIRECT_DEBITING || value > GyAvp.PRICE_ENQUIRY) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, GyAvp.REQUESTED_ACTION);
    }
    Optional<Long> ratingGroup = Optional.empty();
    Avp units = null;
    Avp mscc = avps.getAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL);
    if (mscc != null) {
      AvpSet service = AvpValues.grouped(mscc, GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL);
      Avp group = service.getAvp(GyAvp.RATING_GROUP);
      if (group != null) {
        ratingGroup = Optional.of(AvpValues.unsigned32(group, GyAvp.RATING_GROUP));
      }
      units = units(service);
    }
    if (units == null) {
      // RFC 4006 style: the units at command level.
      units = units(avps);
    }
    long count = units == null ? 1 : AvpValues.unsigned64(units, GyAvp.CC_SERVICE_SPECIFIC_UNITS);
    if (count < 1 || count > MAX_UNITS) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, GyAvp.CC_SERVICE_SPECIFIC_UNITS);
    }
    return Optional.of(new SmsEvent(value, count, ratingGroup));
  }

  private static boolean isSms(AvpSet avps) {
    try {
      Avp context = avps.getAvp(GyAvp.SERVICE_CONTEXT_ID);
      return context != null && context.getUTF8String().endsWith(GyAvp.SMS_CONTEXT);
    } catch (AvpDataException e) {
      return false;
    }
  }

  /** The CC-Service-Specific-Units of a Requested-Service-Unit in {@code avps}, if any. */
  private static Avp units(AvpSet avps) throws InvalidAvpException {
    Avp requested = avps.getAvp(GyAvp.REQUESTED_SERVICE_UNIT);
    return requested == null
        ? null
        : AvpValues.grouped(requested, GyAvp.REQUESTED_SERVICE_UNIT)
            .getAvp(GyAvp.CC_SERVICE_SPECIFIC_UNITS);
  }
}
