package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import java.time.Instant;
import java.util.Optional;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;

/**
 * A request charged in units of its own — SMS or call time — rather than data volume, told apart by
 * its Service-Context-Id. It is decided on the subscriber's account under the same lock, journal
 * and retransmission rules as data.
 */
public sealed interface UnitRequest permits SmsRequest, VoiceRequest {

  /** The CC-Request-Type the request is charged as. */
  int requestType();

  /**
   * Debits what the request reports used, into the cycle its grant came from; the caller rolls the
   * account into a new cycle after this and before {@link #decide}.
   */
  void report(Account account, String sessionId);

  /** Decides the request on the account; the caller commits the outcome with the account. */
  CreditControlOutcome decide(
      Account account, String sessionId, long number, Instant now, ChargingSettings settings);

  /** Whether a request's Service-Context-Id names {@code service}, after its optional prefixes. */
  static boolean forService(AvpSet avps, String service) {
    try {
      Avp context = avps.getAvp(GyAvp.SERVICE_CONTEXT_ID);
      return context != null && context.getUTF8String().endsWith(service);
    } catch (AvpDataException e) {
      return false;
    }
  }

  /**
   * An SMS charged over another interface than Diameter (an SMSF on Nchf, TS 32.274): an event is
   * debited directly, a reservation held by {@link GyAvp#INITIAL_REQUEST} and settled by {@link
   * GyAvp#TERMINATION_REQUEST}.
   *
   * @param requestType the CC-Request-Type it is charged as
   * @param units the parts asked for, 1 to {@link SmsRequest#MAX_UNITS}
   * @param usedUnits the parts a settlement reports delivered
   * @param ratingGroup the rating group, when named
   */
  static UnitRequest sms(int requestType, long units, long usedUnits, Optional<Long> ratingGroup) {
    int action = requestType == GyAvp.EVENT_REQUEST ? GyAvp.DIRECT_DEBITING : 0;
    return new SmsRequest(requestType, action, units, usedUnits, ratingGroup);
  }

  /** The most parts of one SMS charged at once. */
  static long maxSmsUnits() {
    return SmsRequest.MAX_UNITS;
  }

  /**
   * A call charged over another interface than Diameter (IMS on Nchf, TS 32.260).
   *
   * @param requestType the CC-Request-Type it is charged as: initial, update or termination
   * @param calledPartyAddress the called party's tel or SIP URI, when given; only a number in it
   *     can make the call sponsored
   */
  static UnitRequest call(
      int requestType,
      long requestedSeconds,
      long usedSeconds,
      long ratingGroup,
      Optional<String> calledPartyAddress) {
    return new VoiceRequest(
        requestType,
        requestedSeconds,
        usedSeconds,
        ratingGroup,
        calledPartyAddress.flatMap(VoiceRequest::number));
  }

  /**
   * The SMS or voice request a request is, or empty for data.
   *
   * @throws InvalidAvpException an AVP of such a request that makes it unanswerable
   */
  static Optional<UnitRequest> of(AvpSet avps, int requestType) throws InvalidAvpException {
    Optional<UnitRequest> sms = SmsRequest.of(avps, requestType).map(UnitRequest.class::cast);
    return sms.isPresent() ? sms : VoiceRequest.of(avps, requestType).map(UnitRequest.class::cast);
  }
}
