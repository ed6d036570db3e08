package io.simbundle.charging.wire;

/**
 * The grammars of the messages the engine writes: RFC 6733 (CEA 5.3.2, DWA 5.5.2, DPA 5.4.2, the
 * error answer-message 7.2), RFC 4006 (CCA 3.2, RAR 3.3; MSCC 8.16 and the unit AVPs) with the
 * additions of 3GPP TS 32.299 6.4 (Volume-Quota-Threshold in the MSCC).
 */
public final class DiameterGrammars {

  private DiameterGrammars() {}

  static final int SESSION_ID = 263;
  static final int ORIGIN_HOST = 264;
  static final int ORIGIN_REALM = 296;
  static final int DESTINATION_HOST = 293;
  static final int DESTINATION_REALM = 283;
  static final int RESULT_CODE = 268;
  static final int ERROR_MESSAGE = 281;
  static final int ERROR_REPORTING_HOST = 294;
  static final int FAILED_AVP = 279;
  static final int EXPERIMENTAL_RESULT = 297;
  static final int ORIGIN_STATE_ID = 278;
  static final int PROXY_INFO = 284;
  static final int ROUTE_RECORD = 282;
  static final int HOST_IP_ADDRESS = 257;
  static final int VENDOR_ID = 266;
  static final int PRODUCT_NAME = 269;
  static final int SUPPORTED_VENDOR_ID = 265;
  static final int AUTH_APPLICATION_ID = 258;
  static final int INBAND_SECURITY_ID = 299;
  static final int ACCT_APPLICATION_ID = 259;
  static final int VENDOR_SPECIFIC_APPLICATION_ID = 260;
  static final int FIRMWARE_REVISION = 267;
  static final int USER_NAME = 1;
  static final int RE_AUTH_REQUEST_TYPE = 285;
  static final int CC_REQUEST_TYPE = 416;
  static final int CC_REQUEST_NUMBER = 415;
  static final int CC_SESSION_FAILOVER = 418;
  static final int CC_SUB_SESSION_ID = 419;
  static final int EVENT_TIMESTAMP = 55;
  static final int GRANTED_SERVICE_UNIT = 431;
  static final int MULTIPLE_SERVICES_CREDIT_CONTROL = 456;
  static final int COST_INFORMATION = 423;
  static final int FINAL_UNIT_INDICATION = 430;
  static final int CHECK_BALANCE_RESULT = 422;
  static final int CREDIT_CONTROL_FAILURE_HANDLING = 427;
  static final int DIRECT_DEBITING_FAILURE_HANDLING = 428;
  static final int VALIDITY_TIME = 448;
  static final int REDIRECT_HOST = 292;
  static final int REDIRECT_HOST_USAGE = 261;
  static final int REDIRECT_MAX_CACHE_TIME = 262;
  static final int REQUESTED_SERVICE_UNIT = 437;
  static final int USED_SERVICE_UNIT = 446;
  static final int SERVICE_IDENTIFIER = 439;
  static final int RATING_GROUP = 432;
  static final int TIME_QUOTA_THRESHOLD = 868;
  static final int VOLUME_QUOTA_THRESHOLD = 869;
  static final int QUOTA_HOLDING_TIME = 871;
  static final int REPORTING_REASON = 872;
  static final int CC_TIME = 420;
  static final int CC_MONEY = 413;
  static final int CC_TOTAL_OCTETS = 421;
  static final int CC_INPUT_OCTETS = 412;
  static final int CC_OUTPUT_OCTETS = 414;
  static final int CC_SERVICE_SPECIFIC_UNITS = 417;
  static final int TARIFF_TIME_CHANGE = 451;
  static final int FINAL_UNIT_ACTION = 449;
  static final int RESTRICTION_FILTER_RULE = 438;
  static final int FILTER_ID = 11;
  static final int REDIRECT_SERVER = 434;
  static final int REDIRECT_ADDRESS_TYPE = 433;
  static final int REDIRECT_SERVER_ADDRESS = 435;
  static final int UNIT_VALUE = 445;
  static final int VALUE_DIGITS = 447;
  static final int EXPONENT = 429;
  static final int CURRENCY_CODE = 425;
  static final int COST_UNIT = 424;

  private static Grammar failedAvp() {
    // Failed-AVP ::= < AVP Header: 279 > 1* {AVP}
    return Grammar.anyOneOrMore("Failed-AVP");
  }

  public static Grammar capabilitiesExchangeAnswer() {
    return Grammar.of("CEA")
        .required(RESULT_CODE, ORIGIN_HOST, ORIGIN_REALM)
        .oneOrMore(HOST_IP_ADDRESS)
        .required(VENDOR_ID, PRODUCT_NAME)
        .optional(ORIGIN_STATE_ID, ERROR_MESSAGE, FAILED_AVP, FIRMWARE_REVISION)
        .any(
            SUPPORTED_VENDOR_ID,
            AUTH_APPLICATION_ID,
            INBAND_SECURITY_ID,
            ACCT_APPLICATION_ID,
            VENDOR_SPECIFIC_APPLICATION_ID);
  }

  public static Grammar deviceWatchdogAnswer() {
    return Grammar.of("DWA")
        .required(RESULT_CODE, ORIGIN_HOST, ORIGIN_REALM)
        .optional(ERROR_MESSAGE, FAILED_AVP, ORIGIN_STATE_ID);
  }

  public static Grammar disconnectPeerAnswer() {
    return Grammar.of("DPA")
        .required(RESULT_CODE, ORIGIN_HOST, ORIGIN_REALM)
        .optional(ERROR_MESSAGE, FAILED_AVP);
  }

  /** The answer with the E bit set, for protocol errors (RFC 6733 7.2), with redirects (6.1.7). */
  public static Grammar errorAnswer() {
    return Grammar.of("answer-message")
        .optionalFixed(SESSION_ID)
        .required(ORIGIN_HOST, ORIGIN_REALM, RESULT_CODE)
        .optional(
            ORIGIN_STATE_ID, ERROR_MESSAGE, ERROR_REPORTING_HOST, FAILED_AVP, EXPERIMENTAL_RESULT)
        .any(PROXY_INFO)
        // *[ AVP ]: the redirect AVPs of 6.1.7
        .any(REDIRECT_HOST)
        .optional(REDIRECT_HOST_USAGE, REDIRECT_MAX_CACHE_TIME)
        .group(FAILED_AVP, failedAvp());
  }

  private static Grammar units(String name) {
    return Grammar.of(name)
        .optional(
            TARIFF_TIME_CHANGE,
            CC_TIME,
            CC_MONEY,
            CC_TOTAL_OCTETS,
            CC_INPUT_OCTETS,
            CC_OUTPUT_OCTETS,
            CC_SERVICE_SPECIFIC_UNITS);
  }

  private static Grammar finalUnitIndication() {
    return Grammar.of("Final-Unit-Indication")
        .required(FINAL_UNIT_ACTION)
        .any(RESTRICTION_FILTER_RULE, FILTER_ID)
        .optional(REDIRECT_SERVER)
        .group(
            REDIRECT_SERVER,
            Grammar.of("Redirect-Server").required(REDIRECT_ADDRESS_TYPE, REDIRECT_SERVER_ADDRESS));
  }

  private static Grammar multipleServicesCreditControl() {
    return Grammar.of("Multiple-Services-Credit-Control")
        .optional(GRANTED_SERVICE_UNIT, REQUESTED_SERVICE_UNIT, RATING_GROUP, VALIDITY_TIME)
        .any(USED_SERVICE_UNIT, SERVICE_IDENTIFIER, REPORTING_REASON)
        .optional(
            RESULT_CODE,
            FINAL_UNIT_INDICATION,
            TIME_QUOTA_THRESHOLD,
            VOLUME_QUOTA_THRESHOLD,
            QUOTA_HOLDING_TIME)
        .group(GRANTED_SERVICE_UNIT, units("Granted-Service-Unit"))
        .group(FINAL_UNIT_INDICATION, finalUnitIndication());
  }

  public static Grammar creditControlAnswer() {
    return Grammar.of("CCA")
        .fixed(SESSION_ID)
        .required(
            RESULT_CODE,
            ORIGIN_HOST,
            ORIGIN_REALM,
            AUTH_APPLICATION_ID,
            CC_REQUEST_TYPE,
            CC_REQUEST_NUMBER)
        .optional(
            USER_NAME,
            CC_SESSION_FAILOVER,
            CC_SUB_SESSION_ID,
            ORIGIN_STATE_ID,
            EVENT_TIMESTAMP,
            GRANTED_SERVICE_UNIT,
            COST_INFORMATION,
            FINAL_UNIT_INDICATION,
            CHECK_BALANCE_RESULT,
            CREDIT_CONTROL_FAILURE_HANDLING,
            DIRECT_DEBITING_FAILURE_HANDLING,
            VALIDITY_TIME,
            REDIRECT_HOST_USAGE,
            REDIRECT_MAX_CACHE_TIME)
        .any(MULTIPLE_SERVICES_CREDIT_CONTROL, REDIRECT_HOST, PROXY_INFO, ROUTE_RECORD, FAILED_AVP)
        .group(MULTIPLE_SERVICES_CREDIT_CONTROL, multipleServicesCreditControl())
        .group(GRANTED_SERVICE_UNIT, units("Granted-Service-Unit"))
        .group(COST_INFORMATION, costInformation())
        .group(FAILED_AVP, failedAvp());
  }

  private static Grammar costInformation() {
    // Cost-Information ::= < AVP Header: 423 > { Unit-Value } { Currency-Code } [ Cost-Unit ]
    return Grammar.of("Cost-Information")
        .required(UNIT_VALUE, CURRENCY_CODE)
        .optional(COST_UNIT)
        .group(UNIT_VALUE, Grammar.of("Unit-Value").required(VALUE_DIGITS).optional(EXPONENT));
  }

  public static Grammar reAuthRequest() {
    return Grammar.of("RAR")
        .fixed(SESSION_ID)
        .required(
            ORIGIN_HOST,
            ORIGIN_REALM,
            DESTINATION_REALM,
            DESTINATION_HOST,
            AUTH_APPLICATION_ID,
            RE_AUTH_REQUEST_TYPE)
        .optional(USER_NAME, ORIGIN_STATE_ID)
        .any(PROXY_INFO, ROUTE_RECORD);
  }
}
