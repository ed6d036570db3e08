package io.simbundle.provisioning;

import java.util.List;
import java.util.Map;

/**
 * Why provisioning cannot do what was asked. The HTTP layer turns the kind into a status and the
 * details into members of the problem response.
 */
public final class ProvisioningException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What kind of refusal this is. */
  public enum Kind {
    /** The request does not make sense, whatever the state. */
    INVALID,
    /** No such order, product or card. */
    NOT_FOUND,
    /** The subject is in a state that does not allow it. */
    CONFLICT,
    /** The rules refused it; the details carry their reasons. */
    REFUSED,
    /** Nothing left to allocate. */
    EXHAUSTED,
    /** Who asks has not proved who they are (no or a wrong code, no session). */
    UNAUTHORIZED,
    /** Asked too often; the details say when to try again ({@code retryAfterSeconds}). */
    TOO_MANY,
    /**
     * Something the engine depends on did not answer (a partner's platform); nothing was stored,
     * the details say when to try again.
     */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String type;
  private final transient Map<String, Object> details;

  public ProvisioningException(Kind kind, String type, String message) {
    this(kind, type, message, Map.of());
  }

  public ProvisioningException(
      Kind kind, String type, String message, Map<String, Object> details) {
    super(message);
    this.kind = kind;
    this.type = type;
    this.details = Map.copyOf(details);
  }

  public static ProvisioningException notFound(String what) {
    return new ProvisioningException(Kind.NOT_FOUND, "not-found", what);
  }

  public static ProvisioningException unauthorized(String type, String message) {
    return new ProvisioningException(Kind.UNAUTHORIZED, type, message);
  }

  public static ProvisioningException tooMany(String message, long retryAfterSeconds) {
    return new ProvisioningException(
        Kind.TOO_MANY,
        "too-many-requests",
        message,
        Map.of("retryAfterSeconds", retryAfterSeconds));
  }

  public static ProvisioningException conflict(String type, String message) {
    return new ProvisioningException(Kind.CONFLICT, type, message);
  }

  public static ProvisioningException refused(
      String type, String message, List<?> reasons, Map<String, Object> more) {
    Map<String, Object> details = new java.util.LinkedHashMap<>(more);
    details.put("reasons", reasons);
    return new ProvisioningException(Kind.REFUSED, type, message, details);
  }

  public Kind kind() {
    return kind;
  }

  /** A short name for the problem type, e.g. {@code order-not-paid}. */
  public String type() {
    return type;
  }

  public Map<String, Object> details() {
    return details;
  }
}
