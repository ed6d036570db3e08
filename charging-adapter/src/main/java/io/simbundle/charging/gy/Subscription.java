package io.simbundle.charging.gy;

import java.util.Optional;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;

/**
 * Who a request is for, from its Subscription-Id AVPs: the E.164 MSISDN when given, else the IMSI
 * (looked up later).
 */
record Subscription(Optional<String> msisdn, Optional<String> imsi) {

  static Subscription of(AvpSet avps) throws AvpDataException {
    Optional<String> imsi = Optional.empty();
    for (Avp subscription : avps.getAvps(GyAvp.SUBSCRIPTION_ID)) {
      AvpSet group = subscription.getGrouped();
      Avp idType = group.getAvp(GyAvp.SUBSCRIPTION_ID_TYPE);
      Avp data = group.getAvp(GyAvp.SUBSCRIPTION_ID_DATA);
      if (idType == null || data == null) {
        throw new AvpDataException("incomplete Subscription-Id");
      }
      if (idType.getInteger32() == GyAvp.END_USER_E164) {
        return new Subscription(Optional.of(data.getUTF8String()), Optional.empty());
      }
      if (idType.getInteger32() == GyAvp.END_USER_IMSI) {
        imsi = Optional.of(data.getUTF8String());
      }
    }
    return new Subscription(Optional.empty(), imsi);
  }

  boolean isEmpty() {
    return msisdn.isEmpty() && imsi.isEmpty();
  }
}
