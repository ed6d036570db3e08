package io.simbundle.charging.gy;

/** The Diameter AVP codes of Gy (RFC 4006, 3GPP TS 32.299) this engine reads and writes. */
public final class GyAvp {

  /** 3GPP TS 32.299: Service-Information, IMS-Information, Called-Party-Address (vendor 3GPP). */
  public static final int SERVICE_INFORMATION = 873;

  public static final int IMS_INFORMATION = 876;
  public static final int CALLING_PARTY_ADDRESS = 831;
  public static final int CALLED_PARTY_ADDRESS = 832;

  public static final long VENDOR_3GPP = 10415;
  public static final long CREDIT_CONTROL_APPLICATION = 4;
  public static final int CREDIT_CONTROL_COMMAND = 272;
  public static final int RE_AUTH_COMMAND = 258;
  public static final int RE_AUTH_REQUEST_TYPE = 285;
  public static final int AUTHORIZE_ONLY = 0;

  public static final int SESSION_ID = 263;
  public static final int ORIGIN_HOST = 264;
  public static final int ORIGIN_REALM = 296;
  public static final int DESTINATION_REALM = 283;
  public static final int AUTH_APPLICATION_ID = 258;
  public static final int RESULT_CODE = 268;
  public static final int FAILED_AVP = 279;
  public static final int SERVICE_CONTEXT_ID = 461;
  public static final int CC_REQUEST_TYPE = 416;
  public static final int CC_REQUEST_NUMBER = 415;
  public static final int SUBSCRIPTION_ID = 443;
  public static final int SUBSCRIPTION_ID_TYPE = 450;
  public static final int SUBSCRIPTION_ID_DATA = 444;
  public static final int MULTIPLE_SERVICES_CREDIT_CONTROL = 456;
  public static final int REQUESTED_SERVICE_UNIT = 437;
  public static final int USED_SERVICE_UNIT = 446;
  public static final int GRANTED_SERVICE_UNIT = 431;
  public static final int CC_TOTAL_OCTETS = 421;
  public static final int CC_INPUT_OCTETS = 412;
  public static final int CC_OUTPUT_OCTETS = 414;
  public static final int RATING_GROUP = 432;
  public static final int SERVICE_IDENTIFIER = 439;
  public static final int VALIDITY_TIME = 448;
  public static final int FINAL_UNIT_INDICATION = 430;
  public static final int FINAL_UNIT_ACTION = 449;
  public static final int REPORTING_REASON = 872;
  public static final int VOLUME_QUOTA_THRESHOLD = 869;
  public static final int QUOTA_HOLDING_TIME = 871;
  public static final int REDIRECT_SERVER = 434;
  public static final int REDIRECT_ADDRESS_TYPE = 433;
  public static final int REDIRECT_SERVER_ADDRESS = 435;
  public static final int CC_SESSION_FAILOVER = 418;
  public static final int REDIRECT_HOST = 292;
  public static final int REDIRECT_HOST_USAGE = 261;
  public static final int REDIRECT_MAX_CACHE_TIME = 262;
  public static final int REQUESTED_ACTION = 436;
  public static final int CC_SERVICE_SPECIFIC_UNITS = 417;
  public static final int CHECK_BALANCE_RESULT = 422;
  public static final int COST_INFORMATION = 423;
  public static final int UNIT_VALUE = 445;
  public static final int VALUE_DIGITS = 447;
  public static final int EXPONENT = 429;
  public static final int CURRENCY_CODE = 425;
  public static final int CC_TIME = 420;

  /** CC-Session-Failover: the session may move to another server on failure (RFC 4006 8.4). */
  public static final int FAILOVER_SUPPORTED = 1;

  /** Redirect-Host-Usage: every request of the session goes to the host given (RFC 6733 6.13). */
  public static final int ALL_SESSION = 1;

  /** Subscription-Id-Type values. */
  public static final int END_USER_E164 = 0;

  public static final int END_USER_IMSI = 1;

  /** Final-Unit-Action values. */
  public static final int TERMINATE = 0;

  public static final int REDIRECT = 1;

  /** Requested-Action values (RFC 4006 8.41). */
  public static final int DIRECT_DEBITING = 0;

  public static final int REFUND_ACCOUNT = 1;
  public static final int CHECK_BALANCE = 2;
  public static final int PRICE_ENQUIRY = 3;

  /** Check-Balance-Result values (RFC 4006 8.42). */
  public static final int ENOUGH_CREDIT = 0;

  public static final int NO_CREDIT = 1;

  /** Currency-Code of the yuan (ISO 4217 numeric), for Cost-Information. */
  public static final long CURRENCY_CNY = 156;

  /** The Service-Context-Id of IMS voice charging on Ro (3GPP TS 32.260), after its prefixes. */
  public static final String VOICE_CONTEXT = "32260@3gpp.org";

  /** The Service-Context-Id of SMS charging (3GPP TS 32.274), after its optional prefixes. */
  public static final String SMS_CONTEXT = "32274@3gpp.org";

  /** CC-Request-Type values. */
  public static final int INITIAL_REQUEST = 1;

  public static final int UPDATE_REQUEST = 2;
  public static final int TERMINATION_REQUEST = 3;
  public static final int EVENT_REQUEST = 4;

  private GyAvp() {}
}
