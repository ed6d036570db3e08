package io.simbundle.provisioning.api.web;

import io.simbundle.provisioning.api.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;

/**
 * The pages and documents the engine serves as they are: {@code GET /activate}, the mobile page
 * where a subscriber activates a card and picks privileges, and {@code GET /api/openapi.yaml}, the
 * OpenAPI description of the REST API.
 */
public final class WebPageRoutes extends RouteBuilder {

  private final String activationPage = resource("/web/activate.html");
  private final String openApi = resource("/web/openapi.yaml");

  @Override
  public void configure() {
    rest()
        .get("/activate")
        .id("activation-page")
        .to("direct:activation-page")
        .get("/api/openapi.yaml")
        .id("openapi")
        .to("direct:openapi");
    from("direct:activation-page")
        .process(
            e ->
                HttpResponses.write(
                    e,
                    200,
                    "text/html; charset=utf-8",
                    activationPage,
                    Map.of(
                        "Content-Security-Policy",
                        "default-src 'self'; script-src 'self' 'unsafe-inline';"
                            + " style-src 'self' 'unsafe-inline'",
                        "Cache-Control",
                        "no-store")));
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
