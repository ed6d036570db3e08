package io.simbundle.provisioning.channels.web;

import io.simbundle.provisioning.channels.http.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;

/**
 * The pages and documents the engine serves as they are: {@code GET /activate}, the mobile page
 * where a subscriber activates a card and picks privileges, {@code GET /my}, the self-care page a
 * subscriber signs in to with a code sent by SMS, {@code GET /operator}, the operator's live plots
 * of presale progress and zero-rated traffic (read from {@code /metrics}, so like it without
 * credentials and for the operators' network), and {@code GET /api/openapi.yaml}, the OpenAPI
 * description of the REST API.
 */
public final class WebPageRoutes extends RouteBuilder {

  private static final Map<String, Object> PAGE_HEADERS =
      Map.of(
          "Content-Security-Policy",
          "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'",
          "Cache-Control",
          "no-store");

  private final String activationPage = resource("/web/activate.html");
  private final String operatorPage = resource("/web/operator.html");
  private final String selfCarePage = resource("/web/my.html");
  private final String openApi = resource("/web/openapi.yaml");

  @Override
  public void configure() {
    rest()
        .get("/activate")
        .id("activation-page")
        .to("direct:activation-page")
        .get("/operator")
        .id("operator-page")
        .to("direct:operator-page")
        .get("/my")
        .id("self-care-page")
        .to("direct:self-care-page")
        .get("/api/openapi.yaml")
        .id("openapi")
        .to("direct:openapi");
    from("direct:activation-page")
        .process(
            e ->
                HttpResponses.write(
                    e, 200, "text/html; charset=utf-8", activationPage, PAGE_HEADERS));
    from("direct:operator-page")
        .process(
            e ->
                HttpResponses.write(
                    e, 200, "text/html; charset=utf-8", operatorPage, PAGE_HEADERS));
    from("direct:self-care-page")
        .process(
            e ->
                HttpResponses.write(
                    e, 200, "text/html; charset=utf-8", selfCarePage, PAGE_HEADERS));
    from("direct:openapi")
        .process(
            e -> HttpResponses.write(e, 200, "application/yaml; charset=utf-8", openApi, Map.of()));
  }

  private static String resource(String path) {
    try (InputStream in = WebPageRoutes.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is missing from the engine's jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
