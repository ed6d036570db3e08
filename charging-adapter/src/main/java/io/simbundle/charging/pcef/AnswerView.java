package io.simbundle.charging.pcef;

import io.simbundle.charging.gy.GyAvp;
import java.util.Optional;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;

/**
 * A Credit-Control-Answer as the PCEF reads it: Result-Code, and per rating group the granted quota
 * and the final-unit action.
 */
public record AnswerView(Answer answer) {

  public long resultCode() throws AvpDataException {
    return answer.getAvps().getAvp(GyAvp.RESULT_CODE).getUnsigned32();
  }

  public Optional<Integer> failedAvpCode() throws AvpDataException {
    Avp failed = answer.getAvps().getAvp(GyAvp.FAILED_AVP);
    if (failed == null) {
      return Optional.empty();
    }
    return Optional.of(failed.getGrouped().iterator().next().getCode());
  }

  /** The MSCC answering one rating group. */
  public Mscc mscc(long ratingGroup) throws AvpDataException {
    for (Avp avp : answer.getAvps().getAvps(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL)) {
      AvpSet group = avp.getGrouped();
      if (group.getAvp(GyAvp.RATING_GROUP).getUnsigned32() == ratingGroup) {
        return new Mscc(group);
      }
    }
    throw new IllegalStateException("no MSCC for rating group " + ratingGroup);
  }

  public int msccCount() {
    return answer.getAvps().getAvps(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL).size();
  }

  /** One answered Multiple-Services-Credit-Control. */
  public record Mscc(AvpSet avps) {
    public long resultCode() throws AvpDataException {
      return avps.getAvp(GyAvp.RESULT_CODE).getUnsigned32();
    }

    public long grantedBytes() throws AvpDataException {
      Avp gsu = avps.getAvp(GyAvp.GRANTED_SERVICE_UNIT);
      return gsu == null ? 0 : gsu.getGrouped().getAvp(GyAvp.CC_TOTAL_OCTETS).getUnsigned64();
    }

    public Optional<Integer> finalUnitAction() throws AvpDataException {
      Avp fui = avps.getAvp(GyAvp.FINAL_UNIT_INDICATION);
      return fui == null
          ? Optional.empty()
          : Optional.of(fui.getGrouped().getAvp(GyAvp.FINAL_UNIT_ACTION).getInteger32());
    }

    public long validitySeconds() throws AvpDataException {
      return avps.getAvp(GyAvp.VALIDITY_TIME).getUnsigned32();
    }

    public long thresholdBytes() throws AvpDataException {
      return avps.getAvp(GyAvp.VOLUME_QUOTA_THRESHOLD, GyAvp.VENDOR_3GPP).getUnsigned32();
    }
  }
}
