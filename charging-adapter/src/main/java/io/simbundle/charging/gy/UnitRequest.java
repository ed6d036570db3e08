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
   * The SMS or voice request a request is, or empty for data.
   *
   * @throws InvalidAvpException an AVP of such a request that makes it unanswerable
   */
  static Optional<UnitRequest> of(AvpSet avps, int requestType) throws InvalidAvpException {
    Optional<UnitRequest> sms = SmsRequest.of(avps, requestType).map(UnitRequest.class::cast);
    return sms.isPresent() ? sms : VoiceRequest.of(avps, requestType).map(UnitRequest.class::cast);
  }
}
