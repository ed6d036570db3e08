package io.simbundle.charging.gy;

import java.util.Optional;
import java.util.Set;
import org.jdiameter.api.Answer;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.Request;

/** Writes a {@link CreditControlOutcome} as the Credit-Control-Answer to a request. */
final class CreditControlAnswers {

  private static final Set<Integer> GROUPED =
      Set.of(
          GyAvp.SUBSCRIPTION_ID,
          GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL,
          GyAvp.REQUESTED_SERVICE_UNIT,
          GyAvp.USED_SERVICE_UNIT);
  private static final Set<Integer> UNSIGNED64 =
      Set.of(GyAvp.CC_TOTAL_OCTETS, GyAvp.CC_INPUT_OCTETS, GyAvp.CC_OUTPUT_OCTETS);
  private static final Set<Integer> TEXT = Set.of(GyAvp.SERVICE_CONTEXT_ID);

  private CreditControlAnswers() {}

  /**
   * Failed-AVP holds an example of the AVP at fault, well-formed for its type (RFC 6733 7.5): an
   * empty group, or a zero value of the right length.
   */
  private static void failedAvp(AvpSet failed, int code) {
    if (code == GyAvp.SUBSCRIPTION_ID) {
      AvpSet example = failed.addGroupedAvp(code, true, false);
      example.addAvp(GyAvp.SUBSCRIPTION_ID_TYPE, GyAvp.END_USER_E164, true, false);
      example.addAvp(GyAvp.SUBSCRIPTION_ID_DATA, "0000000000000", true, false, false);
    } else if (GROUPED.contains(code)) {
      failed.addGroupedAvp(code, true, false);
    } else if (UNSIGNED64.contains(code)) {
      failed.addAvp(code, 0L, true, false);
    } else if (TEXT.contains(code)) {
      failed.addAvp(code, "", true, false, false);
    } else {
      failed.addAvp(code, 0L, true, false, true);
    }
  }

  /**
   * A protocol error (E bit) saying the request belongs elsewhere: 3006 with the node holding the
   * subscriber's shard as Redirect-Host (RFC 6733 6.1.7), or 3004 when no live node holds it now.
   */
  static Answer elsewhere(
      Request request, DiameterIdentity self, Optional<String> redirectUri, long cacheSeconds) {
    Answer answer =
        request.createAnswer(
            redirectUri.isPresent() ? ResultCode.REDIRECT_INDICATION : ResultCode.TOO_BUSY);
    answer.setError(true);
    AvpSet avps = answer.getAvps();
    avps.removeAvp(GyAvp.ORIGIN_HOST);
    avps.removeAvp(GyAvp.ORIGIN_REALM);
    avps.removeAvp(GyAvp.AUTH_APPLICATION_ID);
    avps.addAvp(GyAvp.ORIGIN_HOST, self.host(), true, false, true);
    avps.addAvp(GyAvp.ORIGIN_REALM, self.realm(), true, false, true);
    redirectUri.ifPresent(
        uri -> {
          avps.addAvp(GyAvp.REDIRECT_HOST, uri, true, false, true);
          avps.addAvp(GyAvp.REDIRECT_HOST_USAGE, GyAvp.ALL_SESSION, true, false);
          avps.addAvp(GyAvp.REDIRECT_MAX_CACHE_TIME, cacheSeconds, true, false, true);
        });
    return answer;
  }

  static Answer answer(
      Request request,
      CreditControlOutcome outcome,
      DiameterIdentity self,
      ChargingSettings settings) {
    Answer answer = request.createAnswer(outcome.resultCode());
    AvpSet avps = answer.getAvps();
    // jDiameter's createAnswer adds no Origin-Host/Origin-Realm of its own.
    avps.removeAvp(GyAvp.ORIGIN_HOST);
    avps.removeAvp(GyAvp.ORIGIN_REALM);
    avps.addAvp(GyAvp.ORIGIN_HOST, self.host(), true, false, true);
    avps.addAvp(GyAvp.ORIGIN_REALM, self.realm(), true, false, true);
    // jDiameter's createAnswer copies the request's Auth-Application-Id: exactly one is allowed.
    avps.removeAvp(GyAvp.AUTH_APPLICATION_ID);
    avps.addAvp(GyAvp.AUTH_APPLICATION_ID, GyAvp.CREDIT_CONTROL_APPLICATION, true, false, true);
    avps.addAvp(GyAvp.CC_REQUEST_TYPE, outcome.requestType(), true, false);
    avps.addAvp(GyAvp.CC_REQUEST_NUMBER, outcome.requestNumber(), true, false, true);
    // Any node of the cluster can go on with the session from the committed state.
    avps.addAvp(GyAvp.CC_SESSION_FAILOVER, GyAvp.FAILOVER_SUPPORTED, true, false);
    outcome
        .failedAvp()
        .ifPresent(code -> failedAvp(avps.addGroupedAvp(GyAvp.FAILED_AVP, true, false), code));
    outcome.event().ifPresent(event -> event(avps, outcome.resultCode(), event));
    for (MsccOutcome mscc : outcome.mscc()) {
      AvpSet group = avps.addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false);
      group.addAvp(GyAvp.RATING_GROUP, mscc.ratingGroup(), true, false, true);
      mscc.serviceIdentifier()
          .ifPresent(id -> group.addAvp(GyAvp.SERVICE_IDENTIFIER, id, true, false, true));
      group.addAvp(GyAvp.RESULT_CODE, mscc.resultCode(), true, false, true);
      if (mscc.grantedSeconds() > 0) {
        group
            .addGroupedAvp(GyAvp.GRANTED_SERVICE_UNIT, true, false)
            .addAvp(GyAvp.CC_TIME, mscc.grantedSeconds(), true, false, true);
        group.addAvp(GyAvp.VALIDITY_TIME, mscc.validitySeconds(), true, false, true);
      }
      if (mscc.grantedBytes() > 0) {
        group
            .addGroupedAvp(GyAvp.GRANTED_SERVICE_UNIT, true, false)
            .addAvp(GyAvp.CC_TOTAL_OCTETS, mscc.grantedBytes(), true, false);
        group.addAvp(GyAvp.VALIDITY_TIME, mscc.validitySeconds(), true, false, true);
        group.addAvp(
            GyAvp.VOLUME_QUOTA_THRESHOLD,
            mscc.thresholdBytes(),
            GyAvp.VENDOR_3GPP,
            true,
            false,
            true);
      }
      if (mscc.finalUnits()) {
        AvpSet indication = group.addGroupedAvp(GyAvp.FINAL_UNIT_INDICATION, true, false);
        if (settings.topUpUrl().isPresent()) {
          indication.addAvp(GyAvp.FINAL_UNIT_ACTION, GyAvp.REDIRECT, true, false);
          AvpSet server = indication.addGroupedAvp(GyAvp.REDIRECT_SERVER, true, false);
          server.addAvp(GyAvp.REDIRECT_ADDRESS_TYPE, 2, true, false); // 2 = URL
          server.addAvp(
              GyAvp.REDIRECT_SERVER_ADDRESS, settings.topUpUrl().get(), true, false, false);
        } else {
          indication.addAvp(GyAvp.FINAL_UNIT_ACTION, GyAvp.TERMINATE, true, false);
        }
      }
    }
    return answer;
  }

  /**
   * The parts of an event's answer: the units granted (in the Multiple-Services-Credit-Control the
   * request used, else at command level as RFC 4006 has it), Check-Balance-Result, Cost-Information
   * in yuan with two decimals.
   */
  private static void event(AvpSet avps, long resultCode, EventOutcome event) {
    AvpSet units = avps;
    if (event.ratingGroup().isPresent()) {
      units = avps.addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false);
      units.addAvp(GyAvp.RATING_GROUP, event.ratingGroup().get(), true, false, true);
      units.addAvp(GyAvp.RESULT_CODE, resultCode, true, false, true);
    }
    if (event.grantedUnits() > 0) {
      units
          .addGroupedAvp(GyAvp.GRANTED_SERVICE_UNIT, true, false)
          .addAvp(GyAvp.CC_SERVICE_SPECIFIC_UNITS, event.grantedUnits(), true, false);
    }
    event
        .enoughCredit()
        .ifPresent(
            enough ->
                avps.addAvp(
                    GyAvp.CHECK_BALANCE_RESULT,
                    enough ? GyAvp.ENOUGH_CREDIT : GyAvp.NO_CREDIT,
                    true,
                    false));
    event
        .costFen()
        .ifPresent(
            fen -> {
              AvpSet cost = avps.addGroupedAvp(GyAvp.COST_INFORMATION, true, false);
              AvpSet value = cost.addGroupedAvp(GyAvp.UNIT_VALUE, true, false);
              value.addAvp(GyAvp.VALUE_DIGITS, fen, true, false);
              value.addAvp(GyAvp.EXPONENT, -2, true, false);
              cost.addAvp(GyAvp.CURRENCY_CODE, GyAvp.CURRENCY_CNY, true, false, true);
            });
  }
}
