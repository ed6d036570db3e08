package io.simbundle.provisioning.channels.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem detail, the body of every error response.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title a short summary that does not change between occurrences
 * @param status the HTTP status code
 * @param detail what went wrong this time, for a person
 * @param extensions further members, such as the list of invalid parameters
 * @param headers response headers that belong with it, such as {@code WWW-Authenticate}
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    Map<String, Object> extensions,
    Map<String, String> headers) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_BASE = "https://simbundle.io/problems/";

  public Problem {
    Objects.requireNonNull(type);
    Objects.requireNonNull(title);
    Objects.requireNonNull(detail);
    extensions = Map.copyOf(extensions);
    headers = Map.copyOf(headers);
  }

  public static Problem of(int status, String typeName, String title, String detail) {
    return new Problem(TYPE_BASE + typeName, title, status, detail, Map.of(), Map.of());
  }

  public static Problem notFound(String detail) {
    return of(404, "not-found", "Resource not found", detail);
  }

  /** A request whose HMAC signature is missing, wrong or stale, for the named realm. */
  public static Problem badSignature(String detail, String realm) {
    return of(401, "unauthorized", "Unauthorized", detail)
        .withHeader("WWW-Authenticate", "HMAC-SHA256 realm=\"" + realm + "\"");
  }

  public static Problem badRequest(String detail) {
    return of(400, "invalid-request", "Invalid request", detail);
  }

  public Problem with(String member, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(extensions);
    more.put(member, value);
    return new Problem(type, title, status, detail, more, headers);
  }

  public Problem withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Problem(type, title, status, detail, extensions, more);
  }

  /** The JSON members in RFC 9457 order, with {@code instance} set to the request path. */
  public Map<String, Object> toJson(String instance) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("type", type);
    json.put("title", title);
    json.put("status", status);
    json.put("detail", detail);
    json.put("instance", instance);
    json.putAll(extensions);
    return json;
  }
}
