package io.simbundle.charging.nchf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.gy.UnitRequest;
import java.util.Optional;

/**
 * Reads the SMS or the call a ChargingDataRequest charges instead of data: an SMSF's request
 * carries {@code sMSChargingInformation} (TS 32.274), an IMS node's {@code iMSChargingInformation}
 * (TS 32.260). Both are charged in units of their own under one rating group, as on Ro:
 *
 * <ul>
 *   <li>an SMS as a one-time event ({@code oneTimeEvent}, IEC or PEC) is debited on create; as a
 *       reservation (ECUR) it is held on create and settled on release with the parts delivered —
 *       never updated;
 *   <li>a call asks {@code requestedUnit.time} on create and update and reports {@code
 *       usedUnitContainer.time} on update and release; its {@code calledPartyAddress} can make it
 *       sponsored.
 * </ul>
 */
final class ServiceUnits {

  private static final String SMS = "sMSChargingInformation";
  private static final String IMS = "iMSChargingInformation";
  private static final long UINT32_MAX = 0xFFFF_FFFFL;

  /** What a request without a unit reads as. */
  private static final JsonNode NO_UNIT = MissingNode.getInstance();

  private ServiceUnits() {}

  /** Whether the request is a one-time event: no resource to update or release follows. */
  static boolean oneTimeEvent(JsonNode body) throws ChfProblem.Rejected {
    JsonNode flag = body.get("oneTimeEvent");
    if (flag == null || flag.isNull()) {
      return false;
    }
    if (!flag.isBoolean()) {
      throw ChargingDataRequests.optional("/oneTimeEvent", "is not a boolean");
    }
    return flag.asBoolean();
  }

  /**
   * The SMS or call {@code body} charges, or empty for data.
   *
   * @throws ChfProblem.Rejected a request naming both services, an SMS updated, a call as a
   *     one-time event, an event that is not a create, more than one rating group, units out of
   *     range
   */
  static Optional<UnitRequest> read(JsonNode body, ChargingDataRequests.Operation operation)
      throws ChfProblem.Rejected {
    boolean sms = body.hasNonNull(SMS);
    boolean ims = body.hasNonNull(IMS);
    boolean event = oneTimeEvent(body);
    if (sms && ims) {
      throw ChargingDataRequests.optional(
          "/" + IMS, "a request charges one service: SMS or a call, not both");
    }
    if (!sms && !ims) {
      if (event) {
        throw ChargingDataRequests.optional(
            "/oneTimeEvent", "only an SMS is charged as a one-time event here");
      }
      return Optional.empty();
    }
    String information = sms ? SMS : IMS;
    if (!body.get(information).isObject()) {
      throw ChargingDataRequests.optional("/" + information, "is not an object");
    }
    JsonNode unit = onlyUnit(body.get("multipleUnitUsage"));
    Optional<Long> ratingGroup =
        unit.has("ratingGroup")
            ? Optional.of(
                ChargingDataRequests.unsigned(
                    unit.get("ratingGroup"), "/multipleUnitUsage/0/ratingGroup", UINT32_MAX, true))
            : Optional.empty();
    return Optional.of(
        sms
            ? sms(unit, operation, event, ratingGroup)
            : call(body.get(IMS), unit, operation, event, ratingGroup));
  }

  private static UnitRequest sms(
      JsonNode unit,
      ChargingDataRequests.Operation operation,
      boolean event,
      Optional<Long> ratingGroup)
      throws ChfProblem.Rejected {
    if (operation == ChargingDataRequests.Operation.UPDATE) {
      throw ChargingDataRequests.optional(
          "/" + SMS, "an SMS is reserved by a create and settled by its release, never updated");
    }
    if (event && operation != ChargingDataRequests.Operation.CREATE) {
      throw ChargingDataRequests.optional("/oneTimeEvent", "a one-time event is a create");
    }
    long asked = requested(unit, "serviceSpecificUnits").orElse(1L);
    if (operation == ChargingDataRequests.Operation.CREATE
        && (asked < 1 || asked > UnitRequest.maxSmsUnits())) {
      throw ChargingDataRequests.optional(
          "/multipleUnitUsage/0/requestedUnit/serviceSpecificUnits",
          "an SMS has 1 to " + UnitRequest.maxSmsUnits() + " parts");
    }
    int type = event ? GyAvp.EVENT_REQUEST : operation.requestType;
    return UnitRequest.sms(type, asked, used(unit, "serviceSpecificUnits"), ratingGroup);
  }

  private static UnitRequest call(
      JsonNode ims,
      JsonNode unit,
      ChargingDataRequests.Operation operation,
      boolean event,
      Optional<Long> ratingGroup)
      throws ChfProblem.Rejected {
    if (event) {
      throw ChargingDataRequests.optional(
          "/oneTimeEvent", "a call is charged as a session: create, update, release");
    }
    JsonNode called = ims.get("calledPartyAddress");
    if (called != null && !called.isTextual()) {
      throw ChargingDataRequests.optional("/" + IMS + "/calledPartyAddress", "is not a string");
    }
    return UnitRequest.call(
        operation.requestType,
        requested(unit, "time").orElse(0L),
        used(unit, "time"),
        ratingGroup.orElse(0L),
        Optional.ofNullable(called).map(JsonNode::asText));
  }

  /** The one multipleUnitUsage of an SMS or a call; an empty one when the request has none. */
  private static JsonNode onlyUnit(JsonNode units) throws ChfProblem.Rejected {
    if (units == null || units.isNull() || units.isArray() && units.isEmpty()) {
      return NO_UNIT;
    }
    if (!units.isArray()) {
      throw ChargingDataRequests.optional("/multipleUnitUsage", "is not an array");
    }
    if (units.size() > 1) {
      throw ChargingDataRequests.optional(
          "/multipleUnitUsage", "an SMS or a call is charged under one rating group");
    }
    if (!units.get(0).isObject()) {
      throw ChargingDataRequests.optional("/multipleUnitUsage/0", "is not an object");
    }
    return units.get(0);
  }

  private static Optional<Long> requested(JsonNode unit, String field) throws ChfProblem.Rejected {
    JsonNode value = unit.path("requestedUnit").get(field);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(
        ChargingDataRequests.unsigned(
            value, "/multipleUnitUsage/0/requestedUnit/" + field, UINT32_MAX, false));
  }

  /** The units of all the used unit containers added up; 0 when none reports any. */
  private static long used(JsonNode unit, String field) throws ChfProblem.Rejected {
    long used = 0;
    JsonNode containers = unit.path("usedUnitContainer");
    for (int c = 0; c < containers.size(); c++) {
      JsonNode value = containers.get(c).get(field);
      if (value != null) {
        used +=
            ChargingDataRequests.unsigned(
                value,
                "/multipleUnitUsage/0/usedUnitContainer/" + c + "/" + field,
                UINT32_MAX,
                false);
      }
    }
    return used;
  }
}
