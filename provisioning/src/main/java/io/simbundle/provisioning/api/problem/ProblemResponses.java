package io.simbundle.provisioning.api.problem;

import io.simbundle.catalog.NoCatalogInForceException;
import io.simbundle.platform.database.DatabaseUnavailableException;
import io.simbundle.provisioning.api.HttpResponses;
import io.simbundle.provisioning.api.Json;
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
        .onException(DatabaseUnavailableException.class)
        .handled(true)
        .process(
            e -> {
              log.error(
                  "request {} failed: database unavailable",
                  HttpResponses.requestPath(e),
                  e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
              respond(
                  e,
                  Problem.of(
                      503,
                      "database-unavailable",
                      "Service unavailable",
                      "the database cannot be reached; nothing was changed, try again later"));
            })
        .end()
        .onException(Exception.class)
        .handled(true)
        .process(
            e -> {
              Exception cause = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
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
