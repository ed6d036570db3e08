package io.simbundle.provisioning.channels.rest.admin;

import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.outbox.OutboxDelivery;
import io.simbundle.provisioning.partner.PartnerEndpoints;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The outbox for the operator, behind admin credentials: {@code GET /admin/outbox} (messages
 * waiting, per destination, and the dead letters), {@code POST
 * /admin/outbox/deadLetters/{id}/redrive}; and {@code PUT /admin/partners/{code}/endpoint} (the URL
 * a partner's platform takes perk notices at; answers the new signing secret, shown only then).
 */
public final class OutboxAdminRoutes extends RouteBuilder {

  private final OutboxDelivery delivery;
  private final PartnerEndpoints partners;
  private final AdminAuthentication authentication;

  public OutboxAdminRoutes(
      OutboxDelivery delivery, PartnerEndpoints partners, AdminCredentials credentials) {
    this.delivery = delivery;
    this.partners = partners;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest("/admin")
        .get("/outbox")
        .id("admin-outbox")
        .to("direct:admin-outbox")
        .post("/outbox/deadLetters/{id}/redrive")
        .id("admin-outbox-redrive")
        .to("direct:admin-outbox-redrive")
        .put("/partners/{code}/endpoint")
        .id("admin-partner-endpoint")
        .to("direct:admin-partner-endpoint");

    from("direct:admin-outbox").process(authentication).process(this::outbox);
    from("direct:admin-outbox-redrive").process(authentication).process(this::redrive);
    from("direct:admin-partner-endpoint").process(authentication).process(this::endpoint);
  }

  private void outbox(Exchange exchange) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("waiting", delivery.backlog());
    json.put("deadLetters", delivery.deadLetters());
    HttpResponses.json(exchange, 200, json);
  }

  private void redrive(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    try {
      delivery.redrive(Long.parseLong(id));
    } catch (NumberFormatException e) {
      throw new ProblemException(Problem.notFound("no dead letter " + id));
    }
    HttpResponses.json(exchange, 202, Map.of("id", id, "status", "waiting"));
  }

  private void endpoint(Exchange exchange) {
    String code = exchange.getIn().getHeader("code", String.class);
    RequestBodies body = RequestBodies.of(exchange);
    String url = body.text("/url", true, 512).orElse("");
    URI uri = httpUrl(body, "/url", url);
    Optional<String> checkUrl = body.text("/userCheckUrl", false, 512);
    Optional<URI> check = checkUrl.map(u -> httpUrl(body, "/userCheckUrl", u));
    if (code == null || !code.matches("[a-z0-9-]{2,64}")) {
      body.invalid("/code", "a partner code such as tencent");
    }
    body.requireValid();
    String secret = partners.set(code, uri, check);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("partner", code);
    json.put("url", url);
    checkUrl.ifPresent(u -> json.put("userCheckUrl", u));
    json.put("secret", secret);
    HttpResponses.json(exchange, 201, json);
  }

  /** The URL, or null after naming the field as invalid. */
  private static URI httpUrl(RequestBodies body, String field, String url) {
    try {
      URI uri = URI.create(url);
      if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
        return uri;
      }
      body.invalid(field, "an http or https URL");
    } catch (IllegalArgumentException e) {
      body.invalid(field, "not a URL");
    }
    return null;
  }
}
