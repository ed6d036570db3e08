package io.simbundle.charging.gy;

import org.jdiameter.api.Answer;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.Request;

/** Writes a {@link CreditControlOutcome} as the Credit-Control-Answer to a request. */
final class CreditControlAnswers {

  private CreditControlAnswers() {}

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
    avps.addAvp(GyAvp.AUTH_APPLICATION_ID, GyAvp.CREDIT_CONTROL_APPLICATION, true, false, true);
    avps.addAvp(GyAvp.CC_REQUEST_TYPE, outcome.requestType(), true, false);
    avps.addAvp(GyAvp.CC_REQUEST_NUMBER, outcome.requestNumber(), true, false, true);
    outcome
        .failedAvp()
        .ifPresent(
            code ->
                avps.addGroupedAvp(GyAvp.FAILED_AVP, true, false)
                    .addAvp(code, new byte[4], true, false));
    for (MsccOutcome mscc : outcome.mscc()) {
      AvpSet group = avps.addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false);
      group.addAvp(GyAvp.RATING_GROUP, mscc.ratingGroup(), true, false, true);
      mscc.serviceIdentifier()
          .ifPresent(id -> group.addAvp(GyAvp.SERVICE_IDENTIFIER, id, true, false, true));
      group.addAvp(GyAvp.RESULT_CODE, mscc.resultCode(), true, false, true);
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
}
