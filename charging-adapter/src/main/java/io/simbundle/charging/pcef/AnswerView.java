package io.simbundle.charging.pcef;

import io.simbundle.charging.gy.GyAvp;
import java.math.BigDecimal;
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

  /** The Check-Balance-Result of a CHECK_BALANCE event, if the answer has one. */
  public Optional<Integer> checkBalanceResult() throws AvpDataException {
    Avp result = answer.getAvps().getAvp(GyAvp.CHECK_BALANCE_RESULT);
    return result == null ? Optional.empty() : Optional.of(result.getInteger32());
  }

  /** The Cost-Information of a PRICE_ENQUIRY: its value and currency, if the answer has one. */
  public Optional<Cost> cost() throws AvpDataException {
    Avp cost = answer.getAvps().getAvp(GyAvp.COST_INFORMATION);
    if (cost == null) {
      return Optional.empty();
    }
    AvpSet value = cost.getGrouped().getAvp(GyAvp.UNIT_VALUE).getGrouped();
    return Optional.of(
        new Cost(
            BigDecimal.valueOf(
                value.getAvp(GyAvp.VALUE_DIGITS).getInteger64(),
                -value.getAvp(GyAvp.EXPONENT).getInteger32()),
            cost.getGrouped().getAvp(GyAvp.CURRENCY_CODE).getUnsigned32()));
  }

  /** A price: Value-Digits × 10^Exponent, in the ISO 4217 currency given. */
  public record Cost(BigDecimal value, long currencyCode) {}

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

    /** The Granted-Service-Unit time (CC-Time) of a call; 0 when none. */
    public long grantedSeconds() throws AvpDataException {
      Avp gsu = avps.getAvp(GyAvp.GRANTED_SERVICE_UNIT);
      Avp time = gsu == null ? null : gsu.getGrouped().getAvp(GyAvp.CC_TIME);
      return time == null ? 0 : time.getUnsigned32();
    }

    /** The Service-Identifier the answer is about, when the request named one. */
    public Optional<Long> serviceIdentifier() throws AvpDataException {
      Avp id = avps.getAvp(GyAvp.SERVICE_IDENTIFIER);
      return id == null ? Optional.empty() : Optional.of(id.getUnsigned32());
    }

    /** The CC-Service-Specific-Units granted (events such as SMS); 0 when none. */
    public long grantedUnits() throws AvpDataException {
      Avp gsu = avps.getAvp(GyAvp.GRANTED_SERVICE_UNIT);
      Avp units = gsu == null ? null : gsu.getGrouped().getAvp(GyAvp.CC_SERVICE_SPECIFIC_UNITS);
      return units == null ? 0 : units.getUnsigned64();
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
