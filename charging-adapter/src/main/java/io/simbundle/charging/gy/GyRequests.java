package io.simbundle.charging.gy;

import io.simbundle.charging.account.Peer;
import java.util.List;
import java.util.Optional;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.Request;

/**
 * Reads a Credit-Control-Request into a {@link ChargingRequest}, or the error answer it gets: 5005
 * for a missing mandatory AVP, 5004 for one that cannot be answered, naming the AVP (RFC 6733 7.5,
 * RFC 4006).
 */
final class GyRequests {

  private GyRequests() {}

  /** A request that is answered with an error, without deciding anything. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient CreditControlOutcome outcome;

    Rejected(long resultCode, int type, long number, int failedAvp) {
      super("rejected with " + resultCode + " for AVP " + failedAvp, null, false, false);
      this.outcome = CreditControlOutcome.error(resultCode, type, number, failedAvp);
    }

    CreditControlOutcome outcome() {
      return outcome;
    }
  }

  static ChargingRequest read(Request request) throws Rejected {
    AvpSet avps = request.getAvps();
    Optional<Integer> type = RequestAvps.integer(avps, GyAvp.CC_REQUEST_TYPE);
    Optional<Long> number = RequestAvps.unsigned(avps, GyAvp.CC_REQUEST_NUMBER);
    int typeValue = type.orElse(0);
    long numberValue = number.orElse(0L);
    for (int mandatory :
        new int[] {
          GyAvp.AUTH_APPLICATION_ID,
          GyAvp.SERVICE_CONTEXT_ID,
          GyAvp.CC_REQUEST_TYPE,
          GyAvp.CC_REQUEST_NUMBER
        }) {
      if (avps.getAvp(mandatory) == null) {
        throw new Rejected(ResultCode.MISSING_AVP, typeValue, numberValue, mandatory);
      }
    }
    if (type.isEmpty() || typeValue < GyAvp.INITIAL_REQUEST || typeValue > GyAvp.EVENT_REQUEST) {
      throw new Rejected(
          ResultCode.INVALID_AVP_VALUE, typeValue, numberValue, GyAvp.CC_REQUEST_TYPE);
    }
    if (number.isEmpty()) {
      throw new Rejected(
          ResultCode.INVALID_AVP_VALUE, typeValue, numberValue, GyAvp.CC_REQUEST_NUMBER);
    }
    Subscription subscription;
    try {
      subscription = Subscription.of(avps);
    } catch (AvpDataException e) {
      throw new Rejected(
          ResultCode.INVALID_AVP_VALUE, typeValue, numberValue, GyAvp.SUBSCRIPTION_ID);
    }
    if (subscription.isEmpty()) {
      throw new Rejected(ResultCode.MISSING_AVP, typeValue, numberValue, GyAvp.SUBSCRIPTION_ID);
    }
    List<MsccRequest> mscc;
    Optional<UnitRequest> units;
    try {
      units = UnitRequest.of(avps, typeValue);
      mscc = units.isPresent() ? List.of() : MsccRequest.all(avps);
    } catch (InvalidAvpException e) {
      throw new Rejected(e.resultCode(), typeValue, numberValue, e.avpCode());
    }
    Optional<String> peerHost = RequestAvps.identity(avps, GyAvp.ORIGIN_HOST);
    Optional<String> peerRealm = RequestAvps.identity(avps, GyAvp.ORIGIN_REALM);
    Optional<Peer> peer =
        peerHost.isPresent() && peerRealm.isPresent()
            ? Optional.of(new Peer(peerHost.get(), peerRealm.get()))
            : Optional.empty();
    return new ChargingRequest(
        request.getSessionId(),
        typeValue,
        numberValue,
        subscription.msisdn(),
        subscription.imsi(),
        mscc,
        units,
        peer);
  }
}
