package io.simbundle.charging.gy;

import java.util.Optional;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;

/**
 * Reads single AVPs of a request; absent or unreadable is empty, the caller decides what that
 * means.
 */
final class RequestAvps {

  private RequestAvps() {}

  static Optional<String> identity(AvpSet avps, int code) {
    try {
      Avp avp = avps.getAvp(code);
      return avp == null ? Optional.empty() : Optional.of(avp.getDiameterIdentity());
    } catch (AvpDataException e) {
      return Optional.empty();
    }
  }

  static Optional<Integer> integer(AvpSet avps, int code) {
    try {
      Avp avp = avps.getAvp(code);
      return avp == null ? Optional.empty() : Optional.of(avp.getInteger32());
    } catch (AvpDataException e) {
      return Optional.empty();
    }
  }

  static Optional<Long> unsigned(AvpSet avps, int code) {
    try {
      Avp avp = avps.getAvp(code);
      return avp == null ? Optional.empty() : Optional.of(avp.getUnsigned32());
    } catch (AvpDataException e) {
      return Optional.empty();
    }
  }
}
