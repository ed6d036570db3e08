package io.simbundle.charging.gy;

import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;

/**
 * Reads an AVP's value as its type says, or fails naming the AVP (5004), for answers that must say
 * which AVP was wrong (RFC 6733 7.5).
 */
final class AvpValues {

  private AvpValues() {}

  static AvpSet grouped(Avp avp, int code) throws InvalidAvpException {
    try {
      return avp.getGrouped();
    } catch (AvpDataException e) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, code);
    }
  }

  static int integer32(Avp avp, int code) throws InvalidAvpException {
    try {
      return avp.getInteger32();
    } catch (AvpDataException e) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, code);
    }
  }

  static long unsigned32(Avp avp, int code) throws InvalidAvpException {
    try {
      return avp.getUnsigned32();
    } catch (AvpDataException e) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, code);
    }
  }

  static long unsigned64(Avp avp, int code) throws InvalidAvpException {
    try {
      long value = avp.getUnsigned64();
      if (value < 0) {
        throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, code);
      }
      return value;
    } catch (AvpDataException e) {
      throw new InvalidAvpException(ResultCode.INVALID_AVP_VALUE, code);
    }
  }
}
