package io.simbundle.charging.gy;

/** A Multiple-Services-Credit-Control that cannot be answered: 5004 or 5005 for an AVP in it. */
final class InvalidMsccException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long resultCode;
  private final int avpCode;

  InvalidMsccException(long resultCode, int avpCode) {
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
