package io.simbundle.provisioning.channels.partner;

import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The Camel route that asks a partner's platform whether a buyer is new to it: {@code
 * direct:partner-user-check} POSTs the signed body to the URL in the exchange property {@code
 * checkUrl}, waiting at most {@code timeout} to connect and as long for the answer. An HTTP error
 * is handed back as an answer, not thrown, for the caller to read.
 */
public final class PartnerUserCheckRoute extends RouteBuilder {

  static final String ENDPOINT = "direct:partner-user-check";
  static final String CHECK_URL = "checkUrl";
  static final String SILENT = "partnerSilent";

  private final Duration timeout;

  public PartnerUserCheckRoute(Duration timeout) {
    this.timeout = timeout;
  }

  @Override
  public void configure() {
    long millis = timeout.toMillis();
    from(ENDPOINT)
        .routeId("partner-user-check")
        .doTry()
        .toD(
            "${exchangeProperty."
                + CHECK_URL
                + "}?throwExceptionOnFailure=false&httpMethod=POST"
                + "&connectTimeout="
                + millis
                + "&connectionRequestTimeout="
                + millis
                + "&responseTimeout="
                + millis
                + "&soTimeout="
                + millis)
        .doCatch(Exception.class)
        .process(
            e -> {
              Throwable root = e.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
              while (root.getCause() != null) {
                root = root.getCause();
              }
              e.setProperty(
                  SILENT,
                  root.getClass().getSimpleName()
                      + (root.getMessage() == null ? "" : ": " + root.getMessage()));
            })
        .end();
  }
}
