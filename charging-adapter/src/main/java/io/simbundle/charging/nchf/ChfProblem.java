package io.simbundle.charging.nchf;

import java.util.List;
import java.util.Objects;

/**
 * A ProblemDetails answer (TS 29.571, RFC 9457 shape) with its TS 32.291 / TS 29.500 cause.
 *
 * @param status the HTTP status
 * @param cause the application error, e.g. {@code USER_UNKNOWN} or {@code MANDATORY_IE_MISSING}
 * @param detail what was wrong, in words; never personal data
 * @param invalidParams the request fields at fault, as JSON pointers, with why
 */
record ChfProblem(int status, String cause, String detail, List<InvalidParam> invalidParams) {

  /** One request field at fault. */
  record InvalidParam(String param, String reason) {}

  ChfProblem {
    Objects.requireNonNull(cause);
    Objects.requireNonNull(detail);
    invalidParams = List.copyOf(invalidParams);
  }

  static ChfProblem of(int status, String cause, String detail) {
    return new ChfProblem(status, cause, detail, List.of());
  }

  static ChfProblem field(String cause, String pointer, String reason) {
    return new ChfProblem(
        400, cause, pointer + ": " + reason, List.of(new InvalidParam(pointer, reason)));
  }

  /** Thrown while reading a request that cannot be answered. */
  static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient ChfProblem problem;

    Rejected(ChfProblem problem) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
    }

    ChfProblem problem() {
      return problem;
    }
  }
}
