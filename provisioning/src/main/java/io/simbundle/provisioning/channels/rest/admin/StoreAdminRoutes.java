package io.simbundle.provisioning.channels.rest.admin;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.store.IssuedSecret;
import io.simbundle.provisioning.store.Store;
import io.simbundle.provisioning.store.StoreRegistration;
import io.simbundle.provisioning.store.StoreService;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Store onboarding, behind admin credentials: {@code POST /admin/stores} (id, name, callback URL,
 * campaigns it may sell) answers the store with its secret — the only time the secret is shown;
 * {@code GET /admin/stores}, {@code GET /admin/stores/{id}}; {@code POST /admin/stores/{id}/secret}
 * issues a new secret and keeps the old one valid for {@code graceMinutes} (default 60).
 */
public final class StoreAdminRoutes extends RouteBuilder {

  private final StoreService stores;
  private final AdminCredentials credentials;
  private final AdminAuthentication authentication;

  public StoreAdminRoutes(StoreService stores, AdminCredentials credentials) {
    this.stores = stores;
    this.credentials = credentials;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest("/admin/stores")
        .post()
        .id("admin-store-onboard")
        .to("direct:admin-store-onboard")
        .get()
        .id("admin-store-list")
        .to("direct:admin-store-list")
        .get("/{id}")
        .id("admin-store-get")
        .to("direct:admin-store-get")
        .put("/{id}")
        .id("admin-store-update")
        .to("direct:admin-store-update")
        .post("/{id}/secret")
        .id("admin-store-rotate-secret")
        .to("direct:admin-store-rotate-secret");

    from("direct:admin-store-onboard").process(authentication).process(this::onboard);
    from("direct:admin-store-list")
        .process(authentication)
        .process(
            e ->
                HttpResponses.json(
                    e, 200, stores.list().stream().map(StoreAdminRoutes::json).toList()));
    from("direct:admin-store-get")
        .process(authentication)
        .process(
            e -> {
              String id = e.getIn().getHeader("id", String.class);
              HttpResponses.json(
                  e,
                  200,
                  json(
                      stores
                          .find(id)
                          .orElseThrow(
                              () -> new ProblemException(Problem.notFound("no store " + id)))));
            });
    from("direct:admin-store-update").process(authentication).process(this::update);
    from("direct:admin-store-rotate-secret").process(authentication).process(this::rotate);
  }

  private void onboard(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String id = body.text("/id", true, 32).orElse("");
    IssuedSecret issued = stores.onboard(registration(body, id), Actor.admin(credentials.user()));
    HttpResponses.json(
        exchange,
        201,
        withSecret(issued),
        Map.of("Location", "/admin/stores/" + issued.store().id()));
  }

  private void update(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    RequestBodies body = RequestBodies.of(exchange);
    Store store = stores.update(registration(body, id), Actor.admin(credentials.user()));
    HttpResponses.json(exchange, 200, json(store));
  }

  /** The store a request body describes: name, callback URL and the campaigns it may sell. */
  private static StoreRegistration registration(RequestBodies body, String id) {
    String name = body.text("/name", true, 128).orElse("");
    String callback = body.text("/callbackUrl", true, 512).orElse("");
    List<String> campaigns = body.codes("/campaigns", 50);
    URI callbackUrl = null;
    try {
      callbackUrl = new URI(callback);
    } catch (URISyntaxException e) {
      body.invalid("/callbackUrl", "not a URL");
    }
    body.requireValid();
    StoreRegistration registration;
    try {
      registration = new StoreRegistration(id, name, callbackUrl, campaigns);
    } catch (IllegalArgumentException e) {
      throw new ProblemException(Problem.badRequest(e.getMessage()));
    }
    return registration;
  }

  private void rotate(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    long graceMinutes = 60;
    String raw = exchange.getIn().getBody(String.class);
    // The request body is a stream: what was read is put back for the JSON reader.
    exchange.getIn().setBody(raw);
    if (raw != null && !raw.isBlank()) {
      RequestBodies body = RequestBodies.of(exchange);
      graceMinutes = body.number("/graceMinutes", false).orElse(60L);
      if (graceMinutes < 0 || graceMinutes > 7 * 24 * 60) {
        body.invalid("/graceMinutes", "0 to 10080 minutes");
      }
      body.requireValid();
    }
    IssuedSecret issued =
        stores.rotateSecret(id, Duration.ofMinutes(graceMinutes), Actor.admin(credentials.user()));
    HttpResponses.json(exchange, 201, withSecret(issued));
  }

  private static Map<String, Object> withSecret(IssuedSecret issued) {
    Map<String, Object> json = json(issued.store());
    json.put("secret", issued.secret());
    return json;
  }

  private static Map<String, Object> json(Store store) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", store.id());
    json.put("name", store.name());
    json.put("callbackUrl", store.callbackUrl().toString());
    json.put("campaigns", store.campaigns());
    store
        .previousSecretValidUntil()
        .ifPresent(t -> json.put("previousSecretValidUntil", t.toString()));
    json.put("createdAt", store.createdAt().toString());
    return json;
  }
}
