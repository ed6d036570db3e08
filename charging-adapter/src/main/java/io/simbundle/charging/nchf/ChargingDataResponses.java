package io.simbundle.charging.nchf;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.gy.CreditControlOutcome;
import io.simbundle.charging.gy.MsccOutcome;
import io.simbundle.charging.gy.ResultCode;
import java.time.Instant;
import java.util.Optional;

/**
 * Writes what the charging function decided as a {@code ChargingDataResponse} (TS 32.291 v3), or as
 * the ProblemDetails its command-level result calls for. The mapping follows the Diameter one (TS
 * 32.291 6.1.6.3.14, 6.1.7.3): 2001 → {@code SUCCESS}, 4012 → {@code QUOTA_LIMIT_REACHED}, 4010 →
 * {@code END_USER_SERVICE_DENIED} per rating group; at command level 5030 → 404 {@code
 * USER_UNKNOWN}, 4010 → 403 {@code END_USER_REQUEST_DENIED}.
 */
final class ChargingDataResponses {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ChargingDataResponses() {}

  /** The problem a command-level result is, or empty when it is a success to answer with data. */
  static Optional<ChfProblem> problem(CreditControlOutcome outcome) {
    long code = outcome.resultCode();
    if (code == ResultCode.SUCCESS) {
      return Optional.empty();
    }
    if (code == ResultCode.USER_UNKNOWN) {
      return Optional.of(
          ChfProblem.of(404, "USER_UNKNOWN", "the charging function holds no such subscriber"));
    }
    if (code == ResultCode.END_USER_SERVICE_DENIED) {
      return Optional.of(
          ChfProblem.of(
              403, "END_USER_REQUEST_DENIED", "the subscriber's service is suspended or ended"));
    }
    if (code == ResultCode.CREDIT_LIMIT_REACHED) {
      return Optional.of(ChfProblem.of(403, "QUOTA_LIMIT_REACHED", "nothing is left to grant"));
    }
    return Optional.of(
        ChfProblem.of(500, "CHARGING_FAILED", "charging failed with result " + code));
  }

  static ObjectNode response(CreditControlOutcome outcome, Instant now) {
    ObjectNode body = JSON.objectNode();
    body.put("invocationTimeStamp", now.toString());
    body.put("invocationSequenceNumber", outcome.requestNumber());
    ArrayNode units = body.putArray("multipleUnitInformation");
    for (MsccOutcome mscc : outcome.mscc()) {
      ObjectNode unit = units.addObject();
      unit.put("resultCode", resultCode(mscc.resultCode()));
      unit.put("ratingGroup", mscc.ratingGroup());
      if (mscc.grantedBytes() > 0) {
        unit.putObject("grantedUnit").put("totalVolume", mscc.grantedBytes());
      } else if (mscc.grantedSeconds() > 0) {
        unit.putObject("grantedUnit").put("time", mscc.grantedSeconds());
      }
      if (mscc.resultCode() == ResultCode.SUCCESS) {
        unit.put("validityTime", mscc.validitySeconds());
      }
      if (mscc.thresholdBytes() > 0) {
        unit.put("volumeQuotaThreshold", mscc.thresholdBytes());
      }
      if (mscc.finalUnits()) {
        unit.putObject("finalUnitIndication").put("finalUnitAction", "TERMINATE");
      }
    }
    // An SMS: the parts debited or held, under the rating group asked.
    outcome
        .event()
        .filter(event -> event.grantedUnits() > 0)
        .ifPresent(
            event -> {
              ObjectNode unit = units.addObject();
              unit.put("resultCode", resultCode(outcome.resultCode()));
              event.ratingGroup().ifPresent(group -> unit.put("ratingGroup", group));
              unit.putObject("grantedUnit").put("serviceSpecificUnits", event.grantedUnits());
            });
    return body;
  }

  static ObjectNode problem(ChfProblem problem) {
    ObjectNode body = JSON.objectNode();
    body.put("title", title(problem.status()));
    body.put("status", problem.status());
    body.put("detail", problem.detail());
    body.put("cause", problem.cause());
    if (!problem.invalidParams().isEmpty()) {
      ArrayNode params = body.putArray("invalidParams");
      problem
          .invalidParams()
          .forEach(p -> params.addObject().put("param", p.param()).put("reason", p.reason()));
    }
    return body;
  }

  private static String resultCode(long diameter) {
    if (diameter == ResultCode.SUCCESS) {
      return "SUCCESS";
    }
    if (diameter == ResultCode.CREDIT_LIMIT_REACHED) {
      return "QUOTA_LIMIT_REACHED";
    }
    if (diameter == ResultCode.END_USER_SERVICE_DENIED) {
      return "END_USER_SERVICE_DENIED";
    }
    return "RATING_FAILED";
  }

  private static String title(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 411 -> "Length Required";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 503 -> "Service Unavailable";
      default -> "Internal Server Error";
    };
  }
}
