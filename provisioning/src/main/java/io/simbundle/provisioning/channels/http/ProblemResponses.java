package io.simbundle.provisioning.channels.http;

import io.simbundle.catalog.NoCatalogInForceException;
import io.simbundle.platform.database.DatabaseFailures;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.rules.decision.Reason;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of an HTTP route into an RFC 9457 problem response. Unexpected failures are
 * logged with their stack trace and answered with a 500 that reveals nothing internal.
 */
public final class ProblemResponses extends RouteConfigurationBuilder {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  /** What a client is told to wait for after an outage answer: a restart's order of magnitude. */
  private static final int RETRY_AFTER_SECONDS = 5;

  @Override
  public void configuration() {
    routeConfiguration()
        .onException(ProblemException.class)
        .handled(true)
        .process(
            e ->
                respond(
                    e, e.getProperty(Exchange.EXCEPTION_CAUGHT, ProblemException.class).problem()))
        .end()
        .onException(ProvisioningException.class)
        .handled(true)
        .process(
            e ->
                respond(
                    e, of(e.getProperty(Exchange.EXCEPTION_CAUGHT, ProvisioningException.class))))
        .end()
        .onException(NoCatalogInForceException.class)
        .handled(true)
        .process(
            e ->
                respond(
                    e,
                    Problem.of(
                        503,
                        "no-catalog",
                        "No catalog in force",
                        e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage())))
        .end()
        .onException(Exception.class)
        .handled(true)
        .process(
            e -> {
              Exception cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
              if (DatabaseFailures.unreachable(cause)) {
                databaseUnreachable(e, cause);
                return;
              }
              log.error("request {} failed", HttpResponses.requestPath(e), cause);
              respond(
                  e,
                  Problem.of(
                      500,
                      "internal-error",
                      "Internal error",
                      "the request could not be completed; the error is logged"));
            })
        .end();
  }

  /**
   * 503 with Retry-After: the database is down or restarting. Logged without the stack trace, as an
   * outage fails every request alike.
   */
  private static void databaseUnreachable(Exchange exchange, Exception cause) {
    log.error(
        "request {} failed: database unreachable ({})",
        HttpResponses.requestPath(exchange),
        rootMessage(cause));
    respond(
        exchange,
        Problem.of(
                503,
                "database-unavailable",
                "Service unavailable",
                "the database cannot be reached; try again later")
            .withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)));
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  /** The problem a provisioning refusal is answered with. */
  public static Problem of(ProvisioningException refusal) {
    int status =
        switch (refusal.kind()) {
          case INVALID -> 400;
          case NOT_FOUND -> 404;
          case CONFLICT, EXHAUSTED -> 409;
          case REFUSED -> 422;
          case UNAUTHORIZED -> 401;
          case TOO_MANY -> 429;
          case UNAVAILABLE -> 503;
        };
    String title =
        switch (refusal.kind()) {
          case INVALID -> "Invalid request";
          case NOT_FOUND -> "Resource not found";
          case CONFLICT -> "Conflict with the current state";
          case EXHAUSTED -> "Nothing left to allocate";
          case REFUSED -> "Refused by the rules";
          case UNAUTHORIZED -> "Unauthorized";
          case TOO_MANY -> "Too many requests";
          case UNAVAILABLE -> "Service unavailable";
        };
    Problem problem = Problem.of(status, refusal.type(), title, refusal.getMessage());
    Object retryAfter = refusal.details().get("retryAfterSeconds");
    if (retryAfter != null) {
      problem = problem.withHeader("Retry-After", String.valueOf(retryAfter));
    }
    for (var detail : refusal.details().entrySet()) {
      Object value = detail.getValue();
      if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Reason) {
        value = Reasons.json(list.stream().map(Reason.class::cast).toList());
      }
      problem = problem.with(detail.getKey(), value);
    }
    return problem;
  }

  /** Writes {@code problem} as the response of {@code exchange}. */
  public static void respond(Exchange exchange, Problem problem) {
    HttpResponses.write(
        exchange,
        problem.status(),
        Problem.MEDIA_TYPE,
        Json.write(problem.toJson(HttpResponses.requestPath(exchange))),
        new java.util.HashMap<String, Object>(problem.headers()));
  }
}
