package io.simbundle.catalog.file;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed, problem-collecting access to a parsed document: every accessor records what is wrong
 * instead of throwing, so one pass reports every problem in the file.
 */
final class DocumentCursor {

  static final long UNSIGNED32_MAX = 0xFFFF_FFFFL;
  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private final String file;
  private final SourceLines lines;
  private final List<CatalogProblem> problems = new ArrayList<>();

  DocumentCursor(String file, SourceLines lines) {
    this.file = file;
    this.lines = lines;
  }

  List<CatalogProblem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Whether {@code value} matches {@code pattern}; when not, a problem saying it is not {@code
   * what}.
   */
  boolean matches(Pattern pattern, String value, NodePath path, String what) {
    if (pattern.matcher(value).matches()) {
      return true;
    }
    problem(path, "'" + value + "' is not " + what);
    return false;
  }

  void problem(NodePath path, String message) {
    problems.add(new CatalogProblem(file, lines.lineOf(path), path.toString(), message));
  }

  /** Reports fields of {@code object} that are not among {@code allowed} (usually typos). */
  boolean objectWithOnly(JsonNode object, NodePath path, Set<String> allowed) {
    if (object == null || !object.isObject()) {
      problem(path, "must be an object, was " + describe(object));
      return false;
    }
    Iterator<String> names = object.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problem(path.field(name), "unknown field; allowed here: " + new TreeSet<>(allowed));
      }
    }
    return true;
  }

  Optional<String> text(JsonNode object, NodePath path, String field, boolean required) {
    JsonNode value = object.get(field);
    if (absent(value)) {
      if (required) {
        problem(path.field(field), "is required");
      }
      return Optional.empty();
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      problem(path.field(field), "must be non-empty text, was " + describe(value));
      return Optional.empty();
    }
    return Optional.of(value.asText().trim());
  }

  Optional<String> code(JsonNode object, NodePath path, String field) {
    return text(object, path, field, true).filter(code -> validCode(path.field(field), code));
  }

  boolean validCode(NodePath path, String code) {
    if (CODE.matcher(code).matches()) {
      return true;
    }
    problem(path, "'" + code + "' is not a code (lower-case letters, digits and '-', 1-64 long)");
    return false;
  }

  Optional<Long> integer(
      JsonNode object, NodePath path, String field, boolean required, long min, long max) {
    JsonNode value = object.get(field);
    if (absent(value)) {
      if (required) {
        problem(path.field(field), "is required");
      }
      return Optional.empty();
    }
    return integerValue(value, path.field(field), min, max);
  }

  Optional<Long> integerValue(JsonNode value, NodePath path, long min, long max) {
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      problem(path, "must be a whole number, was " + describe(value));
      return Optional.empty();
    }
    long number = value.asLong();
    if (number < min || number > max) {
      problem(path, "must be between " + min + " and " + max + ", was " + number);
      return Optional.empty();
    }
    return Optional.of(number);
  }

  Optional<Boolean> bool(JsonNode object, NodePath path, String field) {
    JsonNode value = object.get(field);
    if (absent(value)) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      problem(path.field(field), "must be true or false, was " + describe(value));
      return Optional.empty();
    }
    return Optional.of(value.asBoolean());
  }

  /** An ISO-8601 date-time with an explicit offset, e.g. {@code 2026-11-01T00:00:00+08:00}. */
  Optional<Instant> instant(JsonNode object, NodePath path, String field) {
    Optional<String> text = text(object, path, field, true);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(text.get()).toInstant());
    } catch (DateTimeParseException e) {
      problem(
          path.field(field),
          "'" + text.get() + "' is not an ISO-8601 date-time with offset (2026-11-01T00:00+08:00)");
      return Optional.empty();
    }
  }

  <E extends Enum<E>> Optional<E> enumeration(
      JsonNode object, NodePath path, String field, Class<E> type, boolean required) {
    return text(object, path, field, required)
        .flatMap(
            text -> {
              for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(text)) {
                  return Optional.of(constant);
                }
              }
              problem(
                  path.field(field),
                  "'" + text + "' is not one of " + List.of(type.getEnumConstants()));
              return Optional.empty();
            });
  }

  /**
   * The elements of an optional array field, each read by {@code element}; duplicates are reported.
   * Absent means empty.
   */
  <T> List<T> array(
      JsonNode object,
      NodePath path,
      String field,
      boolean required,
      BiFunction<JsonNode, NodePath, Optional<T>> element) {
    JsonNode value = object.get(field);
    NodePath arrayPath = path.field(field);
    if (absent(value)) {
      if (required) {
        problem(arrayPath, "is required");
      }
      return List.of();
    }
    if (!value.isArray()) {
      problem(arrayPath, "must be a list, was " + describe(value));
      return List.of();
    }
    List<T> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      element.apply(value.get(i), arrayPath.index(i)).ifPresent(result::add);
    }
    return result;
  }

  /** A list of distinct values; a repeated value is reported. */
  <T> Set<T> distinct(
      JsonNode object,
      NodePath path,
      String field,
      BiFunction<JsonNode, NodePath, Optional<T>> element) {
    Set<T> result = new LinkedHashSet<>();
    JsonNode value = object.get(field);
    List<T> items = array(object, path, field, false, element);
    for (int i = 0; i < items.size(); i++) {
      if (!result.add(items.get(i))) {
        problem(path.field(field).index(i), "'" + items.get(i) + "' is listed twice");
      }
    }
    return value == null ? Set.of() : result;
  }

  Optional<Long> unsigned32(JsonNode value, NodePath path) {
    return integerValue(value, path, 0, UNSIGNED32_MAX);
  }

  Optional<String> codeValue(JsonNode value, NodePath path) {
    if (!value.isTextual()) {
      problem(path, "must be a code, was " + describe(value));
      return Optional.empty();
    }
    return validCode(path, value.asText()) ? Optional.of(value.asText()) : Optional.empty();
  }

  <T> Optional<T> textValue(
      JsonNode value, NodePath path, Function<String, Optional<T>> parse, String expected) {
    if (!value.isTextual()) {
      problem(path, "must be " + expected + ", was " + describe(value));
      return Optional.empty();
    }
    Optional<T> parsed = parse.apply(value.asText());
    if (parsed.isEmpty()) {
      problem(path, "'" + value.asText() + "' is not " + expected);
    }
    return parsed;
  }

  private static boolean absent(JsonNode value) {
    return value == null || value.isNull() || value.isMissingNode();
  }

  private static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "missing";
    }
    if (value.isTextual()) {
      return "text '" + value.asText() + "'";
    }
    if (value.isContainerNode()) {
      return value.isArray() ? "a list" : "an object";
    }
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
  }
}
