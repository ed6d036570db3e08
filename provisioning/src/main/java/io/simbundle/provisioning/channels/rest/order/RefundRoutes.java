package io.simbundle.provisioning.channels.rest.order;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.order.RefundOutcome;
import io.simbundle.provisioning.sales.order.RefundRequest;
import io.simbundle.provisioning.sales.order.RefundView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * TMF676 refunds for the operator's back office, behind admin credentials:
 *
 * <ul>
 *   <li>{@code POST /tmf-api/paymentManagement/v5/refund}: 201 with the refund, 200 with the first
 *       one when its {@code correlatorId} was seen before; 400 for a missing field or an amount
 *       that is not positive, 404 for an unknown order, 409 for a live order, more than is left to
 *       refund, a closed return window or a reused refund id;
 *   <li>{@code GET .../refund/{id}} and {@code GET .../refund?productOrder=}.
 * </ul>
 */
public final class RefundRoutes extends RouteBuilder {

  public static final String TMF676 = "/tmf-api/paymentManagement/v5";

  private final OrderService orders;
  private final AdminCredentials credentials;
  private final AdminAuthentication authentication;

  public RefundRoutes(OrderService orders, AdminCredentials credentials) {
    this.orders = orders;
    this.credentials = credentials;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest(TMF676)
        .post("/refund")
        .id("tmf676-create-refund")
        .to("direct:tmf676-create-refund")
        .get("/refund")
        .id("tmf676-list-refunds")
        .to("direct:tmf676-list-refunds")
        .get("/refund/{id}")
        .id("tmf676-get-refund")
        .to("direct:tmf676-get-refund");
    from("direct:tmf676-create-refund").process(authentication).process(this::create);
    from("direct:tmf676-list-refunds").process(authentication).process(this::list);
    from("direct:tmf676-get-refund").process(authentication).process(this::get);
  }

  private void create(Exchange exchange) {
    RefundRequest request = refundRequest(RequestBodies.of(exchange), Optional.empty());
    answer(exchange, orders.refund(request, Actor.admin(credentials.user())));
  }

  private void get(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    HttpResponses.json(
        exchange,
        200,
        json(
            orders
                .findRefund(id, Optional.empty())
                .orElseThrow(() -> new ProblemException(Problem.notFound("no refund " + id)))));
  }

  private void list(Exchange exchange) {
    String order = exchange.getIn().getHeader("productOrder", String.class);
    if (order == null || order.isBlank()) {
      throw new ProblemException(Problem.badRequest("productOrder is required"));
    }
    HttpResponses.json(
        exchange, 200, orders.refunds(order).stream().map(RefundRoutes::json).toList());
  }

  /** Answers a refund: 201 when this request made it, 200 when its refund id had made it before. */
  public static void answer(Exchange exchange, RefundOutcome outcome) {
    Map<String, Object> json = json(outcome.refund());
    HttpResponses.json(
        exchange,
        outcome.created() ? 201 : 200,
        json,
        Map.of("Location", (String) json.get("href")));
  }

  /** Reads a refund request; every invalid field is named in one 400 answer. */
  public static RefundRequest refundRequest(RequestBodies body, Optional<String> store) {
    String correlatorId = body.text("/correlatorId", true, 64).orElse("");
    String order = body.text("/productOrder/id", true, 16).orElse("");
    long amount = body.number("/amountFen", true).orElse(0L);
    String reason = body.text("/reason", true, 500).orElse("");
    body.requireValid();
    return new RefundRequest(store, correlatorId, order, amount, reason);
  }

  /** The TMF676 representation of a refund. */
  public static Map<String, Object> json(RefundView refund) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", refund.id());
    json.put("href", TMF676 + "/refund/" + refund.id());
    json.put("@type", "Refund");
    json.put("correlatorId", refund.correlatorId());
    json.put("status", "succeeded");
    json.put("kind", refund.kind().apiName());
    json.put("amountFen", refund.amountFen());
    json.put("reason", refund.reason());
    json.put("refundDate", refund.refundDate().toString());
    json.put(
        "productOrder",
        Map.of(
            "id",
            refund.productOrder(),
            "href",
            ProductOrderRoutes.TMF622 + "/productOrder/" + refund.productOrder()));
    return json;
  }
}
