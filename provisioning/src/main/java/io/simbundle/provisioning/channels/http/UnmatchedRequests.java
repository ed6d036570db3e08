package io.simbundle.provisioning.channels.http;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.RestRegistry;
import org.apache.camel.support.PluginHelper;

/**
 * The last route: a request no other route took is answered with a problem, like every other error,
 * instead of the HTTP server's HTML page — 405 with an {@code Allow} header when the path exists
 * for other methods, 404 otherwise. It must be added after every other route builder.
 */
public final class UnmatchedRequests extends RouteBuilder {

  @Override
  public void configure() {
    from("platform-http:/?matchOnUriPrefix=true")
        .routeId("unmatched-requests")
        .process(this::answer);
  }

  private void answer(Exchange exchange) {
    String path = exchange.getIn().getHeader(Exchange.HTTP_PATH, String.class);
    String fullPath =
        path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
    String method = exchange.getIn().getHeader(Exchange.HTTP_METHOD, String.class);
    Set<String> allowed = methodsFor(fullPath);
    if (allowed.isEmpty()) {
      ProblemResponses.respond(exchange, Problem.notFound("no resource at " + fullPath));
      return;
    }
    ProblemResponses.respond(
        exchange,
        Problem.of(
                405,
                "method-not-allowed",
                "Method not allowed",
                method + " is not allowed on " + fullPath + "; allowed: " + allowed)
            .withHeader("Allow", String.join(", ", allowed)));
  }

  /** The methods the REST routes take on {@code path}. */
  private Set<String> methodsFor(String path) {
    Set<String> methods = new TreeSet<>(Comparator.naturalOrder());
    for (RestRegistry.RestService service :
        PluginHelper.getRestRegistry(getContext()).listAllRestServices()) {
      if (template(service.getBaseUrl(), service.getUriTemplate()).matcher(path).matches()) {
        methods.add(service.getMethod().toUpperCase(Locale.ROOT));
      }
    }
    return methods;
  }

  private static Pattern template(String baseUrl, String uriTemplate) {
    String base = baseUrl == null ? "" : baseUrl.replaceFirst("^[a-z]+://[^/]*", "");
    String full = (base + (uriTemplate == null ? "" : uriTemplate)).replaceAll("/+", "/");
    StringBuilder regex = new StringBuilder();
    for (String part : full.split("(?=\\{)|(?<=\\})")) {
      regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
