package io.simbundle.charging.nchf;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.account.Peer;
import io.simbundle.charging.gy.ChargingRequest;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.gy.MsccRequest;
import io.simbundle.charging.gy.UnitRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code ChargingDataRequest} (TS 32.291 v3) into the charging function's request, with the
 * fields spelt as the specification spells them. What it needs is checked strictly — a missing
 * field is {@code MANDATORY_IE_MISSING}, a wrong one {@code MANDATORY_IE_INCORRECT} or {@code
 * OPTIONAL_IE_INCORRECT}, naming the field as a JSON pointer — and what it does not use is left
 * alone, as the specification's extensibility asks.
 */
final class ChargingDataRequests {

  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  private static final Pattern IMSI = Pattern.compile("imsi-(\\d{5,15})");
  private static final Pattern MSISDN = Pattern.compile("msisdn-(\\d{5,15})");

  private ChargingDataRequests() {}

  /** What the CHF does with a request: the Gy request types it is charged as. */
  enum Operation {
    CREATE(GyAvp.INITIAL_REQUEST),
    UPDATE(GyAvp.UPDATE_REQUEST),
    RELEASE(GyAvp.TERMINATION_REQUEST);

    final int requestType;

    Operation(int requestType) {
      this.requestType = requestType;
    }
  }

  /**
   * The parts of a request the CHF uses.
   *
   * @param operation create, update or release
   * @param sequence the invocationSequenceNumber
   * @param msisdn the subscriber's number, from the servedGPSI
   * @param imsi the subscriber's IMSI, from the SUPI
   * @param mscc the rating groups asked for and reported, for data
   * @param units the SMS or call charged instead of data
   * @param retransmission whether {@code retransmissionIndicator} was set
   * @param notifyUri where re-authorisations go, when given
   * @param chargingId the charging id of the request or of its PDU session, when given
   * @param consumer the consumer's nFName, else its nodeFunctionality
   * @param event for a one-time event without a charging id, its time stamp: with the sequence
   *     number what makes it recognisable when sent again
   */
  record Read(
      Operation operation,
      long sequence,
      Optional<String> msisdn,
      Optional<String> imsi,
      List<MsccRequest> mscc,
      Optional<UnitRequest> units,
      boolean retransmission,
      Optional<String> notifyUri,
      Optional<Long> chargingId,
      String consumer,
      Optional<String> event) {

    /** The request as the charging function decides it, in the session of a ChargingDataRef. */
    ChargingRequest request(String sessionId) {
      int type = units.map(UnitRequest::requestType).orElse(operation.requestType);
      return new ChargingRequest(
          sessionId, type, sequence, msisdn, imsi, mscc, units, notifyUri.map(Peer::nchf));
    }

    /** Who the request is for, without naming them: part of a reference, never shown as is. */
    String subscriber() {
      return msisdn.or(() -> imsi).orElse("");
    }
  }

  static Read read(JsonNode body, Operation operation) throws ChfProblem.Rejected {
    if (body == null || !body.isObject()) {
      throw new ChfProblem.Rejected(
          ChfProblem.of(400, "INVALID_MSG_FORMAT", "the body is not a JSON object"));
    }
    JsonNode consumer = required(body, "nfConsumerIdentification");
    if (!consumer.isObject()) {
      throw incorrect("/nfConsumerIdentification", "is not an object");
    }
    JsonNode functionality = required(consumer, "nodeFunctionality", "/nfConsumerIdentification");
    if (!functionality.isTextual()) {
      throw incorrect("/nfConsumerIdentification/nodeFunctionality", "is not a string");
    }
    JsonNode stamp = required(body, "invocationTimeStamp");
    try {
      OffsetDateTime.parse(stamp.asText());
    } catch (DateTimeParseException e) {
      throw incorrect("/invocationTimeStamp", "is not an RFC 3339 date-time");
    }
    long sequence =
        unsigned(
            required(body, "invocationSequenceNumber"),
            "/invocationSequenceNumber",
            UINT32_MAX,
            true);
    boolean retransmission = body.path("retransmissionIndicator").asBoolean(false);
    Optional<String> imsi = Optional.empty();
    Optional<String> msisdn = Optional.empty();
    JsonNode supi = body.get("subscriberIdentifier");
    if (supi != null) {
      Matcher m = IMSI.matcher(supi.asText());
      if (!supi.isTextual() || !m.matches()) {
        throw incorrect("/subscriberIdentifier", "is not a SUPI of the form imsi-<5 to 15 digits>");
      }
      imsi = Optional.of(m.group(1));
    }
    JsonNode pdu = body.path("pDUSessionChargingInformation");
    String gpsiAt = gpsiPointer(body);
    JsonNode gpsi = body.at(gpsiAt);
    if (!gpsi.isMissingNode()) {
      Matcher m = MSISDN.matcher(gpsi.asText());
      if (!gpsi.isTextual() || !m.matches()) {
        throw optional(gpsiAt, "is not a GPSI of the form msisdn-<5 to 15 digits>");
      }
      msisdn = Optional.of(m.group(1));
    }
    if (imsi.isEmpty() && msisdn.isEmpty()) {
      throw new ChfProblem.Rejected(
          ChfProblem.field(
              "MANDATORY_IE_MISSING",
              "/subscriberIdentifier",
              "the subscriber is needed: subscriberIdentifier, or the servedGPSI"));
    }
    Optional<Long> chargingId =
        pdu.has("chargingId")
            ? Optional.of(
                unsigned(
                    pdu.get("chargingId"),
                    "/pDUSessionChargingInformation/chargingId",
                    UINT32_MAX,
                    false))
            : body.has("chargingId")
                ? Optional.of(unsigned(body.get("chargingId"), "/chargingId", UINT32_MAX, false))
                : Optional.empty();
    Optional<String> notifyUri =
        body.hasNonNull("notifyUri")
            ? Optional.of(body.get("notifyUri").asText())
            : Optional.empty();
    Optional<UnitRequest> units = ServiceUnits.read(body, operation);
    List<MsccRequest> mscc = units.isPresent() ? List.of() : usage(body.get("multipleUnitUsage"));
    String nfName = consumer.path("nFName").asText(functionality.asText());
    Optional<String> event =
        ServiceUnits.oneTimeEvent(body) ? Optional.of(stamp.asText()) : Optional.empty();
    return new Read(
        operation,
        sequence,
        msisdn,
        imsi,
        mscc,
        units,
        retransmission,
        notifyUri,
        chargingId,
        nfName,
        event);
  }

  /**
   * Where the subscriber's GPSI is: the served user of a PDU session or an IMS session, the
   * originator of an SMS.
   */
  private static String gpsiPointer(JsonNode body) {
    if (body.hasNonNull("sMSChargingInformation")) {
      return "/sMSChargingInformation/originatorInfo/originatorGPSI";
    }
    if (body.hasNonNull("iMSChargingInformation")) {
      return "/iMSChargingInformation/userInformation/servedGPSI";
    }
    return "/pDUSessionChargingInformation/userInformation/servedGPSI";
  }

  private static List<MsccRequest> usage(JsonNode units) throws ChfProblem.Rejected {
    List<MsccRequest> mscc = new ArrayList<>();
    if (units == null) {
      return mscc;
    }
    if (!units.isArray()) {
      throw optional("/multipleUnitUsage", "is not an array");
    }
    for (int i = 0; i < units.size(); i++) {
      String at = "/multipleUnitUsage/" + i;
      JsonNode unit = units.get(i);
      if (!unit.isObject()) {
        throw optional(at, "is not an object");
      }
      long ratingGroup =
          unsigned(required(unit, "ratingGroup", at), at + "/ratingGroup", UINT32_MAX, true);
      long requested = 0;
      JsonNode asked = unit.get("requestedUnit");
      if (asked != null) {
        requested = volume(asked, at + "/requestedUnit").orElse(0L);
      }
      Optional<Long> used = Optional.empty();
      Optional<Long> serviceId = Optional.empty();
      JsonNode containers = unit.get("usedUnitContainer");
      if (containers != null) {
        if (!containers.isArray()) {
          throw optional(at + "/usedUnitContainer", "is not an array");
        }
        for (int c = 0; c < containers.size(); c++) {
          String container = at + "/usedUnitContainer/" + c;
          JsonNode report = containers.get(c);
          required(report, "localSequenceNumber", container);
          if (report.has("serviceId")) {
            serviceId =
                Optional.of(
                    unsigned(report.get("serviceId"), container + "/serviceId", UINT32_MAX, false));
          }
          long bytes = volume(report, container).orElse(0L);
          used = Optional.of(used.orElse(0L) + bytes);
        }
      }
      mscc.add(new MsccRequest(ratingGroup, serviceId, requested, used));
    }
    return mscc;
  }

  /** totalVolume, else uplinkVolume plus downlinkVolume; empty when none is given. */
  private static Optional<Long> volume(JsonNode unit, String at) throws ChfProblem.Rejected {
    if (!unit.isObject()) {
      throw optional(at, "is not an object");
    }
    if (unit.has("totalVolume")) {
      return Optional.of(
          unsigned(unit.get("totalVolume"), at + "/totalVolume", Long.MAX_VALUE, false));
    }
    if (unit.has("uplinkVolume") || unit.has("downlinkVolume")) {
      long up =
          unit.has("uplinkVolume")
              ? unsigned(unit.get("uplinkVolume"), at + "/uplinkVolume", Long.MAX_VALUE, false)
              : 0;
      long down =
          unit.has("downlinkVolume")
              ? unsigned(unit.get("downlinkVolume"), at + "/downlinkVolume", Long.MAX_VALUE, false)
              : 0;
      if (up > Long.MAX_VALUE - down) {
        throw optional(at, "uplinkVolume and downlinkVolume add up beyond a 64-bit count");
      }
      return Optional.of(up + down);
    }
    return Optional.empty();
  }

  private static JsonNode required(JsonNode object, String field) throws ChfProblem.Rejected {
    return required(object, field, "");
  }

  private static JsonNode required(JsonNode object, String field, String at)
      throws ChfProblem.Rejected {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      throw new ChfProblem.Rejected(
          ChfProblem.field("MANDATORY_IE_MISSING", at + "/" + field, "is required"));
    }
    return value;
  }

  static long unsigned(JsonNode value, String at, long max, boolean mandatory)
      throws ChfProblem.Rejected {
    if (!value.isIntegralNumber()
        || !value.canConvertToLong()
        || value.asLong() < 0
        || value.asLong() > max) {
      String reason = "is not an integer from 0 to " + max;
      throw mandatory ? incorrect(at, reason) : optional(at, reason);
    }
    return value.asLong();
  }

  private static ChfProblem.Rejected incorrect(String at, String reason) {
    return new ChfProblem.Rejected(ChfProblem.field("MANDATORY_IE_INCORRECT", at, reason));
  }

  static ChfProblem.Rejected optional(String at, String reason) {
    return new ChfProblem.Rejected(ChfProblem.field("OPTIONAL_IE_INCORRECT", at, reason));
  }
}
