package io.simbundle.provisioning.api.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.provisioning.api.HttpResponses;
import io.simbundle.provisioning.api.Json;
import io.simbundle.provisioning.api.RequestBodies;
import io.simbundle.provisioning.api.order.ProductOrderRoutes;
import io.simbundle.provisioning.api.problem.Problem;
import io.simbundle.provisioning.api.problem.ProblemException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.order.OrderOutcome;
import io.simbundle.provisioning.order.OrderRequest;
import io.simbundle.provisioning.order.OrderService;
import io.simbundle.provisioning.store.RequestSignature;
import io.simbundle.provisioning.store.Store;
import io.simbundle.provisioning.store.StoreService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A store pushes an order: {@code POST /api/v1/stores/{storeId}/productOrder}, signed with the
 * store's secret (headers {@code X-Simbundle-Timestamp}, epoch seconds, and {@code
 * X-Simbundle-Signature}, base64 HMAC-SHA256 of {@code timestamp + "." + raw body}). The signature
 * is verified on the raw body before anything is parsed. The body is a TMF622 order as on the
 * back-office API; its channel is the store. Answers: 202 with the order (also for a repeated
 * external id, which creates nothing), 401 for a missing, wrong or stale signature, 403 for a
 * campaign the store may not sell, 422 with the rules' reasons (unknown campaign, sale closed, sold
 * out …), 409 when no number or card is left.
 */
public final class StoreOrderRoutes extends RouteBuilder {

  public static final String TIMESTAMP = "X-Simbundle-Timestamp";
  public static final String SIGNATURE = "X-Simbundle-Signature";

  private final StoreService stores;
  private final OrderService orders;
  private final Clock clock;

  public StoreOrderRoutes(StoreService stores, OrderService orders, Clock clock) {
    this.stores = stores;
    this.orders = orders;
    this.clock = clock;
  }

  @Override
  public void configure() {
    rest("/api/v1/stores")
        .post("/{storeId}/productOrder")
        .id("store-order-push")
        .to("direct:store-order-push");
    from("direct:store-order-push").process(this::push);
  }

  private void push(Exchange exchange) {
    String storeId = exchange.getIn().getHeader("storeId", String.class);
    String raw = exchange.getIn().getBody(String.class);
    String body = raw == null ? "" : raw;
    Optional<StoreService.Signer> signer = stores.signer(storeId);
    Optional<String> refusal =
        RequestSignature.refusal(
            signer.map(StoreService.Signer::secrets).orElse(List.of()),
            exchange.getIn().getHeader(TIMESTAMP, String.class),
            exchange.getIn().getHeader(SIGNATURE, String.class),
            body,
            clock.instant());
    // An unknown store has no secret, so it is refused like a wrong signature: nothing to probe.
    refusal.ifPresent(
        reason -> {
          throw new ProblemException(
              Problem.of(401, "unauthorized", "Unauthorized", reason)
                  .withHeader("WWW-Authenticate", "HMAC-SHA256 realm=\"simbundle-stores\""));
        });
    Store store = signer.orElseThrow().store();
    exchange.getIn().setBody(body);
    RequestBodies parsed = RequestBodies.of(exchange);
    Optional<String> channel = parsed.text("/channel/id", false);
    if (channel.isPresent() && !channel.get().equals(storeId)) {
      parsed.invalid("/channel/id", "must be the store, " + storeId + ", or left out");
    }
    ((ObjectNode) parsed.root())
        .set("channel", Json.mapper().createObjectNode().put("id", storeId));
    OrderRequest request = ProductOrderRoutes.orderRequest(parsed);
    if (request.externalId().isEmpty()) {
      parsed.invalid("/externalId", "a store's order carries its own order id");
      parsed.requireValid();
    }
    String campaign =
        request
            .campaignCode()
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.badRequest("a store's order names the campaign it sells in")));
    if (!store.campaigns().contains(campaign)) {
      throw new ProblemException(
          Problem.of(
              403,
              "campaign-not-allowed",
              "Campaign not allowed",
              "store " + storeId + " may not sell campaign " + campaign));
    }
    OrderOutcome outcome = orders.create(request, Actor.channel(storeId));
    ProductOrderRoutes.requireNotRejected(outcome.order());
    Map<String, Object> json = new LinkedHashMap<>(ProductOrderRoutes.json(outcome.order()));
    json.put("duplicate", !outcome.created());
    HttpResponses.json(exchange, 202, json, Map.of("Location", (String) json.get("href")));
  }
}
