package io.simbundle.charging.gy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpSet;

/**
 * One Multiple-Services-Credit-Control of a request.
 *
 * @param ratingGroup its Rating-Group
 * @param serviceIdentifier its Service-Identifier, if any
 * @param requestedBytes the Requested-Service-Unit volume; 0 when it asks for no particular amount
 * @param usedBytes the Used-Service-Unit volume, when it reports usage
 */
public record MsccRequest(
    long ratingGroup,
    Optional<Long> serviceIdentifier,
    long requestedBytes,
    Optional<Long> usedBytes) {

  static List<MsccRequest> all(AvpSet request) throws InvalidAvpException {
    List<MsccRequest> all = new ArrayList<>();
    for (Avp mscc : request.getAvps(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL)) {
      all.add(of(AvpValues.grouped(mscc, GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL)));
    }
    return all;
  }

  private static MsccRequest of(AvpSet mscc) throws InvalidAvpException {
    Avp ratingGroup = mscc.getAvp(GyAvp.RATING_GROUP);
    if (ratingGroup == null) {
      throw new InvalidAvpException(ResultCode.MISSING_AVP, GyAvp.RATING_GROUP);
    }
    long group = AvpValues.unsigned32(ratingGroup, GyAvp.RATING_GROUP);
    Avp service = mscc.getAvp(GyAvp.SERVICE_IDENTIFIER);
    Optional<Long> serviceId =
        service == null
            ? Optional.empty()
            : Optional.of(AvpValues.unsigned32(service, GyAvp.SERVICE_IDENTIFIER));
    long requested = 0;
    Avp rsu = mscc.getAvp(GyAvp.REQUESTED_SERVICE_UNIT);
    if (rsu != null) {
      requested = octets(AvpValues.grouped(rsu, GyAvp.REQUESTED_SERVICE_UNIT)).orElse(0L);
    }
    Optional<Long> used = Optional.empty();
    for (Avp usu : mscc.getAvps(GyAvp.USED_SERVICE_UNIT)) {
      long reported = octets(AvpValues.grouped(usu, GyAvp.USED_SERVICE_UNIT)).orElse(0L);
      used = Optional.of(used.orElse(0L) + reported);
    }
    return new MsccRequest(group, serviceId, requested, used);
  }

  /** CC-Total-Octets, or input plus output octets. */
  private static Optional<Long> octets(AvpSet unit) throws InvalidAvpException {
    Avp total = unit.getAvp(GyAvp.CC_TOTAL_OCTETS);
    if (total != null) {
      return Optional.of(AvpValues.unsigned64(total, GyAvp.CC_TOTAL_OCTETS));
    }
    Avp in = unit.getAvp(GyAvp.CC_INPUT_OCTETS);
    Avp out = unit.getAvp(GyAvp.CC_OUTPUT_OCTETS);
    if (in == null && out == null) {
      return Optional.empty();
    }
    return Optional.of(
        (in == null ? 0 : AvpValues.unsigned64(in, GyAvp.CC_INPUT_OCTETS))
            + (out == null ? 0 : AvpValues.unsigned64(out, GyAvp.CC_OUTPUT_OCTETS)));
  }
}
