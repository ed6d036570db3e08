package io.simbundle.charging.gy;

/** Diameter Result-Code values used on Gy (RFC 6733, RFC 4006). */
public final class ResultCode {
  public static final long SUCCESS = 2001;

  /** Protocol error: another node holds the subscriber's shard; Redirect-Host says which. */
  public static final long REDIRECT_INDICATION = 3006;

  /** Protocol error: no node holds the subscriber's shard just now; try another peer or later. */
  public static final long TOO_BUSY = 3004;

  public static final long END_USER_SERVICE_DENIED = 4010;
  public static final long CREDIT_CONTROL_NOT_APPLICABLE = 4011;
  public static final long CREDIT_LIMIT_REACHED = 4012;
  public static final long UNABLE_TO_COMPLY = 5012;
  public static final long INVALID_AVP_VALUE = 5004;
  public static final long MISSING_AVP = 5005;
  public static final long USER_UNKNOWN = 5030;
  public static final long RATING_FAILED = 5031;

  private ResultCode() {}
}
