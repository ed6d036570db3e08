package io.simbundle.provisioning.channels.rest.product;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.Gifts;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.channels.rest.order.ProductOrderRoutes;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import io.simbundle.provisioning.subscription.HeldGift;
import io.simbundle.provisioning.subscription.ProductStatus;
import io.simbundle.provisioning.subscription.Subscription;
import io.simbundle.provisioning.subscription.SubscriptionService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * TMF637 product inventory for the back office, behind admin credentials: {@code GET
 * /tmf-api/productInventory/v5/product/{id}}, {@code GET .../product?msisdn=}, {@code PATCH
 * .../product/{id}} with a new {@code status} (suspended, active, terminated) and a reason, and
 * {@code GET /api/v1/audit/product/{id}}.
 */
public final class ProductInventoryRoutes extends RouteBuilder {

  public static final String TMF637 = "/tmf-api/productInventory/v5";

  private final SubscriptionService subscriptions;
  private final AdminCredentials credentials;
  private final AdminAuthentication authentication;

  public ProductInventoryRoutes(SubscriptionService subscriptions, AdminCredentials credentials) {
    this.subscriptions = subscriptions;
    this.credentials = credentials;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest(TMF637)
        .get("/product")
        .id("tmf637-list-products")
        .to("direct:tmf637-list-products")
        .get("/product/{id}")
        .id("tmf637-get-product")
        .to("direct:tmf637-get-product")
        .patch("/product/{id}")
        .id("tmf637-patch-product")
        .to("direct:tmf637-patch-product");
    rest("/api/v1/audit").get("/product/{id}").id("audit-product").to("direct:audit-product");

    from("direct:tmf637-list-products").process(authentication).process(this::list);
    from("direct:tmf637-get-product").process(authentication).process(this::get);
    from("direct:tmf637-patch-product").process(authentication).process(this::patch);
    from("direct:audit-product")
        .process(authentication)
        .process(
            e ->
                HttpResponses.json(
                    e, 200, ProductOrderRoutes.auditJson(subscriptions.history(productId(e)))));
  }

  private void list(Exchange exchange) {
    String number = exchange.getIn().getHeader("msisdn", String.class);
    if (number == null) {
      throw new ProblemException(
          Problem.badRequest("give the msisdn to list the subscriptions of a number"));
    }
    String msisdn =
        PhoneNumbers.normalize(number)
            .orElseThrow(
                () -> new ProblemException(Problem.badRequest("not a mainland mobile number")));
    HttpResponses.json(
        exchange,
        200,
        subscriptions.byMsisdn(msisdn).stream().map(ProductInventoryRoutes::json).toList());
  }

  private void get(Exchange exchange) {
    HttpResponses.json(exchange, 200, json(subscriptions.get(productId(exchange))));
  }

  private void patch(Exchange exchange) {
    long id = productId(exchange);
    RequestBodies body = RequestBodies.of(exchange);
    String status = body.text("/status", true).orElse("");
    String reason = body.text("/statusReason", true, 500).orElse("");
    ProductStatus target = ProductStatus.fromTmfName(status).orElse(null);
    if (!status.isEmpty() && (target == null || target == ProductStatus.CREATED)) {
      body.invalid("/status", "one of active, suspended, terminated");
    }
    body.requireValid();
    HttpResponses.json(
        exchange,
        200,
        json(subscriptions.changeStatus(id, target, reason, Actor.admin(credentials.user()))));
  }

  private static long productId(Exchange exchange) {
    String id = exchange.getIn().getHeader("id", String.class);
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw new ProblemException(Problem.notFound("no product " + id));
    }
  }

  /** The TMF637 representation of a subscription. */
  public static Map<String, Object> json(Subscription subscription) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", String.valueOf(subscription.id()));
    json.put("href", TMF637 + "/product/" + subscription.id());
    json.put("@type", "Product");
    json.put("status", subscription.status().tmfName());
    json.put("productOffering", Map.of("id", subscription.productCode()));
    json.put("productOrderItem", List.of(Map.of("productOrderId", subscription.orderId())));
    json.put("relatedParty", List.of(partner(subscription), holder(subscription)));
    json.put("msisdn", subscription.msisdn());
    json.put("iccid", subscription.iccid());
    json.put("privileges", subscription.privileges());
    subscription.pendingPrivileges().ifPresent(p -> json.put("pendingPrivileges", p));
    subscription.pendingFrom().ifPresent(t -> json.put("pendingFrom", t.toString()));
    json.put("gifts", subscription.gifts().stream().map(ProductInventoryRoutes::gift).toList());
    json.put("zeroRatedRatingGroups", subscription.zeroRatedRatingGroups());
    json.put("creationDate", subscription.createdAt().toString());
    subscription.activatedAt().ifPresent(t -> json.put("startDate", t.toString()));
    return json;
  }

  private static Map<String, Object> partner(Subscription subscription) {
    return Map.of("role", "partner", "id", subscription.partnerCode());
  }

  private static Map<String, Object> holder(Subscription subscription) {
    return Map.of(
        "role",
        "holder",
        "name",
        subscription.holderNameMasked(),
        "idNumber",
        subscription.idNumberMasked());
  }

  private static Map<String, Object> gift(HeldGift gift) {
    Map<String, Object> json = Gifts.json(gift.granted());
    json.put("grantedAt", gift.grantedAt().toString());
    return json;
  }
}
