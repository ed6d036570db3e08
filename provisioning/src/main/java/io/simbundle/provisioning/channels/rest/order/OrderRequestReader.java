package io.simbundle.provisioning.channels.rest.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.campaign.CampaignTerms;
import io.simbundle.catalog.product.Province;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import io.simbundle.provisioning.sales.order.OrderRequest;
import io.simbundle.provisioning.sales.order.PaymentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A TMF622 order as the back office, the stores (HTTP and Kafka) send it: one card, or several of
 * one product with a holder each.
 */
public final class OrderRequestReader {

  private OrderRequestReader() {}

  /** Reads an order request; every invalid field is named in one 400 answer. */
  public static OrderRequest read(RequestBodies body) {
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
}
