package io.simbundle.provisioning.channels.rest.order;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.Reasons;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.sales.order.OrderOutcome;
import io.simbundle.provisioning.sales.order.OrderPage;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.order.OrderState;
import io.simbundle.provisioning.sales.order.ProductOrderView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * TMF622 product ordering for the operator's back office and the stores, behind admin credentials:
 *
 * <ul>
 *   <li>{@code POST /tmf-api/productOrdering/v5/productOrder}: 201 with the order, 200 with the
 *       first order when the channel's external id was seen before, 422 when the rules reject it
 *       (the rejected order is kept and named), 409 when no number or card is left. An order of
 *       several cards (up to five, as its campaign allows) is taken whole or refused whole; its
 *       code stands for all its cards, and each card has a code of its own;
 *   <li>{@code GET .../productOrder/{id}} and {@code GET .../productOrder?channel=&state=};
 *   <li>{@code POST .../productOrder/{id}/shipment}: the paid card was shipped (the store is told);
 *   <li>{@code POST .../cancelProductOrder} (TMF622's task resource);
 *   <li>{@code POST /tmf-api/paymentManagement/v5/payment}: a payment for an order (TMF676);
 *   <li>{@code GET /api/v1/audit/productOrder/{id}}: every state change of an order.
 * </ul>
 */
public final class ProductOrderRoutes extends RouteBuilder {

  public static final String TMF622 = "/tmf-api/productOrdering/v5";
  private static final int MAX_PAGE = 200;

  private final OrderService orders;
  private final AdminCredentials credentials;
  private final AdminAuthentication authentication;

  public ProductOrderRoutes(OrderService orders, AdminCredentials credentials) {
    this.orders = orders;
    this.credentials = credentials;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest(TMF622)
        .post("/productOrder")
        .id("tmf622-create-order")
        .to("direct:tmf622-create-order")
        .get("/productOrder")
        .id("tmf622-list-orders")
        .to("direct:tmf622-list-orders")
        .get("/productOrder/{id}")
        .id("tmf622-get-order")
        .to("direct:tmf622-get-order")
        .post("/productOrder/{id}/shipment")
        .id("tmf622-ship-order")
        .to("direct:tmf622-ship-order")
        .post("/cancelProductOrder")
        .id("tmf622-cancel-order")
        .to("direct:tmf622-cancel-order");
    rest("/tmf-api/paymentManagement/v5")
        .post("/payment")
        .id("tmf676-payment")
        .to("direct:tmf676-payment");
    rest("/api/v1/audit").get("/productOrder/{id}").id("audit-order").to("direct:audit-order");

    from("direct:tmf622-create-order").process(authentication).process(this::create);
    from("direct:tmf622-list-orders").process(authentication).process(this::list);
    from("direct:tmf622-get-order").process(authentication).process(this::get);
    from("direct:tmf622-cancel-order").process(authentication).process(this::cancel);
    from("direct:tmf622-ship-order").process(authentication).process(this::ship);
    from("direct:tmf676-payment").process(authentication).process(this::pay);
    from("direct:audit-order").process(authentication).process(this::history);
  }

  private Actor admin() {
    return Actor.admin(credentials.user());
  }

  private void create(Exchange exchange) {
    OrderOutcome outcome =
        orders.create(OrderRequestReader.read(RequestBodies.of(exchange)), admin());
    requireNotRejected(outcome);
    Map<String, Object> json = ProductOrderJson.json(outcome.items());
    HttpResponses.json(
        exchange,
        outcome.created() ? 201 : 200,
        json,
        Map.of("Location", (String) json.get("href")));
  }

  /**
   * @throws ProblemException 422 with the rules' reasons when the order was rejected (the cards of
   *     an order of several are rejected together)
   */
  public static void requireNotRejected(OrderOutcome outcome) {
    ProductOrderView order = outcome.order();
    if (order.state() == OrderState.REJECTED) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "order-rejected",
                  "Refused by the rules",
                  "the order was rejected: " + order.refusals().size() + " reason(s)")
              .with("productOrder", outcome.basketCode().orElse(order.id()))
              .with("reasons", Reasons.json(order.refusals())));
    }
  }

  private void get(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    HttpResponses.json(
        exchange,
        200,
        ProductOrderJson.json(
            orders
                .find(id)
                .orElseThrow(() -> new ProblemException(Problem.notFound("no order " + id)))));
  }

  private void list(Exchange exchange) {
    answerPage(
        exchange, orders, Optional.ofNullable(exchange.getIn().getHeader("channel", String.class)));
  }

  /**
   * Answers a page of a channel's orders (or all), newest first: {@code state}, {@code offset} and
   * {@code limit} read from the query, {@code X-Total-Count} and {@code X-Result-Count} set.
   */
  public static void answerPage(Exchange exchange, OrderService orders, Optional<String> channel) {
    Optional<OrderState> state =
        Optional.ofNullable(exchange.getIn().getHeader("state", String.class))
            .map(
                s ->
                    OrderState.fromTmfName(s)
                        .orElseThrow(
                            () ->
                                new ProblemException(
                                    Problem.badRequest(
                                        "state must be one of acknowledged, pending,"
                                            + " inProgress, completed, rejected, cancelled,"
                                            + " failed"))));
    int offset = query(exchange, "offset", 0, Integer.MAX_VALUE);
    int limit = query(exchange, "limit", 50, MAX_PAGE);
    OrderPage page = orders.list(channel, state, offset, limit);
    HttpResponses.json(
        exchange,
        200,
        page.orders().stream().map(ProductOrderJson::json).toList(),
        Map.of(
            "X-Total-Count", String.valueOf(page.total()),
            "X-Result-Count", String.valueOf(page.orders().size())));
  }

  private static int query(Exchange exchange, String name, int fallback, int max) {
    String value = exchange.getIn().getHeader(name, String.class);
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= 0 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ProblemException(
        Problem.badRequest(name + " must be a whole number from 0 to " + max));
  }

  private void cancel(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String id = body.text("/productOrder/id", true, 16).orElse("");
    String reason = body.text("/cancellationReason", true, 500).orElse("");
    body.requireValid();
    List<ProductOrderView> order = orders.cancel(id, reason, admin());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", UUID.randomUUID().toString());
    json.put("@type", "CancelProductOrder");
    json.put("state", "done");
    json.put("cancellationReason", reason);
    json.put("productOrder", ProductOrderJson.json(order));
    HttpResponses.json(exchange, 201, json);
  }

  private void ship(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    RequestBodies body = RequestBodies.of(exchange);
    String carrier = body.text("/carrier", true, 32).orElse("");
    String tracking = body.text("/trackingNumber", true, 64).orElse("");
    body.requireValid();
    HttpResponses.json(
        exchange, 201, ProductOrderJson.json(orders.ship(id, carrier, tracking, admin())));
  }

  private void pay(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String id = body.text("/productOrder/id", true, 16).orElse("");
    long amount = body.number("/amountFen", true).orElse(0L);
    String reference = body.text("/reference", true, 128).orElse("");
    body.requireValid();
    List<ProductOrderView> order = orders.pay(id, amount, reference, admin());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("@type", "Payment");
    json.put("status", "succeeded");
    json.put("amountFen", amount);
    json.put("reference", reference);
    json.put("productOrder", ProductOrderJson.json(order));
    HttpResponses.json(exchange, 201, json);
  }

  private void history(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    HttpResponses.json(exchange, 200, auditJson(orders.history(id)));
  }

  /** Audit entries as the API shows them. */
  public static List<Map<String, Object>> auditJson(List<AuditEntry> entries) {
    return entries.stream()
        .map(
            e -> {
              Map<String, Object> json = new LinkedHashMap<>();
              json.put("at", e.at().toString());
              json.put("from", e.from().orElse(null));
              json.put("to", e.to());
              json.put("actor", e.actor().name());
              json.put("reason", e.reason());
              return json;
            })
        .toList();
  }
}
