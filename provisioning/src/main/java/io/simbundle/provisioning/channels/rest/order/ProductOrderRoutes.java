package io.simbundle.provisioning.channels.rest.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.campaign.CampaignTerms;
import io.simbundle.catalog.product.Province;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.Reasons;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import io.simbundle.provisioning.sales.order.OrderOutcome;
import io.simbundle.provisioning.sales.order.OrderPage;
import io.simbundle.provisioning.sales.order.OrderRequest;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.order.OrderState;
import io.simbundle.provisioning.sales.order.PaymentType;
import io.simbundle.provisioning.sales.order.ProductOrderView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
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
    OrderOutcome outcome = orders.create(orderRequest(RequestBodies.of(exchange)), admin());
    requireNotRejected(outcome);
    Map<String, Object> json = json(outcome.items());
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

  /** Reads an order request; every invalid field is named in one 400 answer. */
  public static OrderRequest orderRequest(RequestBodies body) {
    String channel = body.text("/channel/id", true, 32).orElse("");
    Optional<String> externalId = body.text("/externalId", false, 64);
    Optional<Province> province = body.province("/place/id", true);
    Optional<String> campaign = body.text("/campaign/id", false, 64);
    String name = body.text("/buyer/name", true, 64).orElse("");
    String idNumber = body.text("/buyer/idNumber", true, 32).orElse("");
    boolean newToOperator = body.bool("/buyer/newToOperator", false);
    boolean newToPartner = body.bool("/buyer/newToPartner", false);
    JsonNode itemNodes = body.root().path("productOrderItem");
    int count = itemNodes.isArray() ? itemNodes.size() : 0;
    if (count < 1 || count > CampaignTerms.MOST_ITEMS_PER_ORDER) {
      body.invalid(
          "/productOrderItem",
          "from 1 to "
              + CampaignTerms.MOST_ITEMS_PER_ORDER
              + " items, a card each (the most one ID number may hold)");
      count = 0;
    }
    String product = body.text("/productOrderItem/0/productOffering/id", true, 64).orElse("");
    List<OrderRequest.Item> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String at = "/productOrderItem/" + i;
      if (i > 0) {
        body.text(at + "/productOffering/id", true, 64)
            .filter(other -> !other.equals(product))
            .ifPresent(
                other ->
                    body.invalid(
                        at + "/productOffering/id",
                        "every card of an order is the same product, " + product));
      }
      Optional<String> picked = pickedNumber(body, at);
      if (picked.isPresent()
          && items.stream().anyMatch(item -> item.pickedMsisdn().equals(picked))) {
        body.invalid(at + "/product/msisdn", "picked for another card of the order");
      }
      items.add(new OrderRequest.Item(picked, holder(body, at)));
    }
    Optional<PaymentType> paymentType =
        body.text("/payment/type", true)
            .flatMap(
                type -> {
                  Optional<PaymentType> t = PaymentType.fromApiName(type);
                  if (t.isEmpty()) {
                    body.invalid("/payment/type", "one of deposit, full, credit");
                  }
                  return t;
                });
    Optional<String> payer = body.text("/payment/payer", false, 64);
    Optional<String> authorization = body.text("/payment/authorizationId", false, 128);
    body.requireValid();
    return new OrderRequest(
        channel,
        externalId,
        product,
        campaign,
        province.orElseThrow(),
        new OrderRequest.Buyer(name, idNumber, newToOperator, newToPartner),
        items,
        new OrderRequest.Payment(paymentType.orElseThrow(), payer, authorization));
  }

  private static Optional<String> pickedNumber(RequestBodies body, String item) {
    return body.text(item + "/product/msisdn", false)
        .flatMap(
            number -> {
              Optional<String> msisdn = PhoneNumbers.normalize(number);
              if (msisdn.isEmpty()) {
                body.invalid(item + "/product/msisdn", "not a mainland mobile number");
              }
              return msisdn;
            });
  }

  /** The card's holder when the order names one: a name and an ID number, both. */
  private static Optional<OrderRequest.Holder> holder(RequestBodies body, String item) {
    if (body.root().at(item + "/holder").isMissingNode()) {
      return Optional.empty();
    }
    Optional<String> name = body.text(item + "/holder/name", true, 64);
    Optional<String> idNumber = body.text(item + "/holder/idNumber", true, 32);
    return name.isPresent() && idNumber.isPresent()
        ? Optional.of(new OrderRequest.Holder(name.get(), idNumber.get()))
        : Optional.empty();
  }

  private void get(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    HttpResponses.json(
        exchange,
        200,
        json(
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
        page.orders().stream().map(ProductOrderRoutes::json).toList(),
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
    json.put("productOrder", json(order));
    HttpResponses.json(exchange, 201, json);
  }

  private void ship(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    RequestBodies body = RequestBodies.of(exchange);
    String carrier = body.text("/carrier", true, 32).orElse("");
    String tracking = body.text("/trackingNumber", true, 64).orElse("");
    body.requireValid();
    HttpResponses.json(exchange, 201, json(orders.ship(id, carrier, tracking, admin())));
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
    json.put("productOrder", json(order));
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

  /**
   * The TMF622 representation of an order's cards: an order of one card (or one item), or an order
   * of several with an item per card.
   */
  public static Map<String, Object> json(List<ProductOrderView> cards) {
    ProductOrderView first = cards.get(0);
    if (cards.size() == 1) {
      return json(first);
    }
    String code = first.basketCode().orElseThrow();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", code);
    json.put("href", TMF622 + "/productOrder/" + code);
    json.put("@type", "ProductOrder");
    first.externalId().ifPresent(id -> json.put("externalId", id));
    json.put("channel", Map.of("id", first.channel()));
    json.put("state", basketState(cards));
    json.put("creationDate", first.createdAt().toString());
    json.put(
        "lastUpdate",
        cards.stream()
            .map(ProductOrderView::updatedAt)
            .max(Instant::compareTo)
            .orElseThrow()
            .toString());
    json.put("catalogVersion", first.catalogVersion());
    first.campaignCode().ifPresent(c -> json.put("campaign", Map.of("id", c)));
    json.put("place", Map.of("id", first.province()));
    json.put("buyer", buyerJson(first));
    Map<String, Object> payment = new LinkedHashMap<>();
    payment.put("type", first.paymentType().apiName());
    payment.put("amountDueFen", cards.stream().mapToLong(ProductOrderView::amountDueFen).sum());
    payment.put("amountPaidFen", cards.stream().mapToLong(ProductOrderView::amountPaidFen).sum());
    payment.put(
        "amountRefundedFen", cards.stream().mapToLong(ProductOrderView::amountRefundedFen).sum());
    json.put("payment", payment);
    json.put("productOrderItem", cards.stream().map(ProductOrderRoutes::itemJson).toList());
    if (!first.refusals().isEmpty()) {
      json.put("refusals", Reasons.json(first.refusals()));
    }
    return json;
  }

  /**
   * The state of an order of several cards: theirs when they agree, else TMF622's {@code partial}
   * (some cards on their way, some over; each item says which).
   */
  private static String basketState(List<ProductOrderView> cards) {
    Set<OrderState> states =
        cards.stream().map(ProductOrderView::state).collect(Collectors.toSet());
    return states.size() == 1 ? states.iterator().next().tmfName() : "partial";
  }

  /** An item of an order of several cards: the card's own code, state, payment and holder. */
  private static Map<String, Object> itemJson(ProductOrderView card) {
    Map<String, Object> item = new LinkedHashMap<>(cardItem(card));
    item.put(
        "productOrder", Map.of("id", card.id(), "href", TMF622 + "/productOrder/" + card.id()));
    card.stateReason().ifPresent(reason -> item.put("stateReason", reason));
    Map<String, Object> payment = new LinkedHashMap<>();
    payment.put("amountDueFen", card.amountDueFen());
    payment.put("amountPaidFen", card.amountPaidFen());
    payment.put("amountRefundedFen", card.amountRefundedFen());
    item.put("payment", payment);
    card.reservedUntil().ifPresent(t -> item.put("reservedUntil", t.toString()));
    card.shipment().ifPresent(s -> item.put("shipment", shipmentJson(s)));
    return item;
  }

  /** The item of a card: its number in the order, state, product, number and card, and holder. */
  private static Map<String, Object> cardItem(ProductOrderView card) {
    Map<String, Object> product = new LinkedHashMap<>();
    card.msisdn().ifPresent(m -> product.put("msisdn", m));
    card.iccid().ifPresent(i -> product.put("iccid", i));
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("id", String.valueOf(card.basketItem()));
    item.put("action", "add");
    item.put("quantity", 1);
    item.put("state", card.state().tmfName());
    item.put("productOffering", Map.of("id", card.productCode()));
    item.put("product", product);
    card.holder()
        .ifPresent(
            h ->
                item.put("holder", Map.of("name", h.nameMasked(), "idNumber", h.idNumberMasked())));
    return item;
  }

  private static Map<String, Object> buyerJson(ProductOrderView order) {
    Map<String, Object> buyer = new LinkedHashMap<>();
    buyer.put("name", order.buyerNameMasked());
    buyer.put("idNumber", order.idNumberMasked());
    buyer.put("newToOperator", order.buyerType().newToOperator());
    buyer.put("newToPartner", order.buyerType().newToPartner());
    buyer.put("b2b2cType", order.buyerType().b2b2cType());
    buyer.put("typeDecidedBy", order.buyerType().basis());
    return buyer;
  }

  private static Map<String, Object> shipmentJson(ProductOrderView.Shipment s) {
    return Map.of(
        "carrier",
        s.carrier(),
        "trackingNumber",
        s.trackingNumber(),
        "shippedAt",
        s.shippedAt().toString());
  }

  /** The TMF622 representation of an order of one card, or of one item of an order of several. */
  public static Map<String, Object> json(ProductOrderView order) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", order.id());
    json.put("href", TMF622 + "/productOrder/" + order.id());
    json.put("@type", "ProductOrder");
    order.externalId().ifPresent(id -> json.put("externalId", id));
    json.put("channel", Map.of("id", order.channel()));
    json.put("state", order.state().tmfName());
    order.stateReason().ifPresent(reason -> json.put("stateReason", reason));
    json.put("creationDate", order.createdAt().toString());
    json.put("lastUpdate", order.updatedAt().toString());
    json.put("catalogVersion", order.catalogVersion());
    order.campaignCode().ifPresent(c -> json.put("campaign", Map.of("id", c)));
    json.put("place", Map.of("id", order.province()));
    order
        .basketCode()
        .ifPresent(
            code ->
                json.put(
                    "partOf",
                    Map.of(
                        "id",
                        code,
                        "href",
                        TMF622 + "/productOrder/" + code,
                        "item",
                        String.valueOf(order.basketItem()))));
    json.put("buyer", buyerJson(order));
    Map<String, Object> payment = new LinkedHashMap<>();
    payment.put("type", order.paymentType().apiName());
    payment.put("amountDueFen", order.amountDueFen());
    payment.put("amountPaidFen", order.amountPaidFen());
    payment.put("amountRefundedFen", order.amountRefundedFen());
    order
        .deposit()
        .ifPresent(
            d -> {
              payment.put("depositFen", d.depositFen());
              payment.put("finalPaymentFen", d.finalPaymentFen());
              payment.put("finalPaymentOpens", d.finalPaymentOpens().toString());
              payment.put("finalPaymentCloses", d.finalPaymentCloses().toString());
              payment.put("unpaidDeposit", d.unpaidDepositRefunded() ? "refunded" : "kept");
            });
    order
        .creditPayer()
        .ifPresent(
            p -> {
              payment.put("payer", p);
              payment.put("instalmentMonths", order.instalmentMonths());
            });
    json.put("payment", payment);
    order.reservedUntil().ifPresent(t -> json.put("reservedUntil", t.toString()));
    order.shipment().ifPresent(s -> json.put("shipment", shipmentJson(s)));
    json.put("productOrderItem", List.of(cardItem(order)));
    if (!order.refusals().isEmpty()) {
      json.put("refusals", Reasons.json(order.refusals()));
    }
    return json;
  }
}
