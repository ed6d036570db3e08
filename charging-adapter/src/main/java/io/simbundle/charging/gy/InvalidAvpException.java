package io.simbundle.charging.gy;

/**
 * An AVP that makes a request unanswerable as sent: 5004 (invalid) or 5005 (missing), naming it.
 */
final class InvalidAvpException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long resultCode;
  private final int avpCode;

  InvalidAvpException(long resultCode, int avpCode) {
    super("AVP " + avpCode + ": " + resultCode);
    this.resultCode = resultCode;
    this.avpCode = avpCode;
  }

  long resultCode() {
    return resultCode;
  }

  int avpCode() {
    return avpCode;
  }
}
