package io.simbundle.provisioning.channels.rest.order;

import io.simbundle.provisioning.channels.http.Reasons;
import io.simbundle.provisioning.sales.order.OrderState;
import io.simbundle.provisioning.sales.order.ProductOrderView;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Orders as TMF622 shows them: personal data masked; an order of several cards with an item per
 * card, each carrying the card's own code.
 */
public final class ProductOrderJson {

  private static final String TMF622 = ProductOrderRoutes.TMF622;

  private ProductOrderJson() {}

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
    json.put("productOrderItem", cards.stream().map(ProductOrderJson::itemJson).toList());
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
