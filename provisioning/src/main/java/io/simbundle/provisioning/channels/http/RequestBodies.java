package io.simbundle.provisioning.channels.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.product.Province;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;

/**
 * Reads a JSON request body field by field, collecting every invalid parameter so that one 400
 * problem names them all ({@code invalidParams}, as RFC 9457 suggests).
 */
public final class RequestBodies {

  private static final int MAX_BODY = 64 * 1024;

  private final JsonNode root;
  private final List<Map<String, String>> invalid = new ArrayList<>();

  private RequestBodies(JsonNode root) {
    this.root = root;
  }

  /**
   * @throws ProblemException 400 when the body is missing, too large or not a JSON object
   */
  public static RequestBodies of(Exchange exchange) {
    return parse(exchange.getIn().getBody(String.class));
  }

  /**
   * @throws ProblemException 400 when the body is missing, too large or not a JSON object
   */
  public static RequestBodies parse(String body) {
    if (body == null || body.isBlank()) {
      throw new ProblemException(Problem.badRequest("a JSON request body is required"));
    }
    if (body.length() > MAX_BODY) {
      throw new ProblemException(
          Problem.of(413, "body-too-large", "Request body too large", "at most 64 KiB"));
    }
    try {
      JsonNode root = Json.mapper().readTree(body);
      if (root == null || !root.isObject()) {
        throw new ProblemException(Problem.badRequest("the request body must be a JSON object"));
      }
      return new RequestBodies(root);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ProblemException(
          Problem.badRequest(
              "the request body is not valid JSON (line " + line + "): " + e.getOriginalMessage()));
    }
  }

  public JsonNode root() {
    return root;
  }

  /**
   * The mainland mobile number at {@code pointer} (required), as stored: E.164 digits without the
   * plus; noted invalid when it is not one.
   */
  public String mobileNumber(String pointer) {
    String number = text(pointer, true, 16).orElse("");
    String msisdn = PhoneNumbers.normalize(number).orElse("");
    if (!number.isEmpty() && msisdn.isEmpty()) {
      invalid(pointer, "not a mainland mobile number");
    }
    return msisdn;
  }

  /** Text at a JSON pointer such as {@code /buyer/name}. */
  public Optional<String> text(String pointer, boolean required) {
    JsonNode value = root.at(pointer);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        invalid(pointer, "is required");
      }
      return Optional.empty();
    }
    if (!value.isTextual()) {
      invalid(pointer, "must be text");
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  /** Text of at most {@code maxLength} characters (and not blank when present). */
  public Optional<String> text(String pointer, boolean required, int maxLength) {
    Optional<String> value = text(pointer, required);
    if (value.isPresent() && (value.get().isBlank() || value.get().length() > maxLength)) {
      invalid(pointer, "1 to " + maxLength + " characters");
      return Optional.empty();
    }
    return value;
  }

  public boolean bool(String pointer, boolean fallback) {
    JsonNode value = root.at(pointer);
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isBoolean()) {
      invalid(pointer, "must be true or false");
      return fallback;
    }
    return value.asBoolean();
  }

  /** A province code such as {@code GD} at a JSON pointer. */
  public Optional<Province> province(String pointer, boolean required) {
    return text(pointer, required)
        .flatMap(
            code -> {
              Optional<Province> province = Province.fromCode(code);
              if (province.isEmpty()) {
                invalid(pointer, "not a province code such as GD");
              }
              return province;
            });
  }

  /** A whole number at a JSON pointer. */
  public Optional<Long> number(String pointer, boolean required) {
    JsonNode value = root.at(pointer);
    if (value.isMissingNode() || value.isNull()) {
      if (required) {
        invalid(pointer, "is required");
      }
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      invalid(pointer, "must be a whole number");
      return Optional.empty();
    }
    return Optional.of(value.asLong());
  }

  /** A list of codes (such as privilege codes) at a JSON pointer; empty when absent. */
  public List<String> codes(String pointer, int max) {
    JsonNode array = root.at(pointer);
    if (array.isMissingNode() || array.isNull()) {
      return List.of();
    }
    if (!array.isArray() || array.size() > max) {
      invalid(pointer, "must be a list of at most " + max + " codes");
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).isTextual()) {
        codes.add(array.get(i).asText());
      } else {
        invalid(pointer + "/" + i, "must be a code");
      }
    }
    return codes;
  }

  public void invalid(String pointer, String reason) {
    invalid.add(Map.of("name", pointer.substring(1).replace('/', '.'), "reason", reason));
  }

  /**
   * @throws ProblemException 400 naming every invalid parameter found so far
   */
  public void requireValid() {
    if (!invalid.isEmpty()) {
      throw new ProblemException(
          Problem.badRequest(invalid.size() + " invalid parameter(s)")
              .with("invalidParams", List.copyOf(invalid)));
    }
  }
}
