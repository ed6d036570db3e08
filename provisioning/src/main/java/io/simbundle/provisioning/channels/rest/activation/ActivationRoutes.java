package io.simbundle.provisioning.channels.rest.activation;

import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.rest.product.ProductInventoryRoutes;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import io.simbundle.provisioning.subscription.ActivationRequest;
import io.simbundle.provisioning.subscription.CardToActivate;
import io.simbundle.provisioning.subscription.ProductStatus;
import io.simbundle.provisioning.subscription.Subscription;
import io.simbundle.provisioning.subscription.SubscriptionService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * What a subscriber does from the web page. Personal data travels in request bodies only, never in
 * URLs; knowing the order code (or ICCID) and the buyer's name and ID number is what proves the
 * subscriber.
 *
 * <ul>
 *   <li>{@code POST /api/v1/activation/card}: the card an order code or ICCID names, with its
 *       privilege menu;
 *   <li>{@code POST /api/v1/activation}: activate it; 201 with the subscription when active, 202
 *       when stored but charging is not yet in place;
 *   <li>{@code POST /api/v1/privilegeSelection}: change privileges from the next billing cycle.
 * </ul>
 */
public final class ActivationRoutes extends RouteBuilder {

  private final SubscriptionService subscriptions;

  public ActivationRoutes(SubscriptionService subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  public void configure() {
    rest("/api/v1")
        .post("/activation/card")
        .id("activation-card")
        .to("direct:activation-card")
        .post("/activation")
        .id("activation")
        .to("direct:activation")
        .post("/privilegeSelection")
        .id("privilege-selection")
        .to("direct:privilege-selection");

    from("direct:activation-card").process(this::card);
    from("direct:activation").process(this::activate);
    from("direct:privilege-selection").process(this::changePrivileges);
  }

  private void card(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String key = body.text("/orderCodeOrIccid", true, 32).orElse("");
    body.requireValid();
    CardToActivate card = subscriptions.cardToActivate(key);
    ProductOffering product = card.product();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put(
        "buyer",
        Map.of("newToOperator", card.newToOperator(), "newToPartner", card.newToPartner()));
    json.put("productOffering", Map.of("id", product.code(), "name", product.name()));
    json.put("description", product.description());
    json.put("monthlyFeeFen", product.plan().monthlyFeeFen());
    json.put("dataMb", product.plan().dataMb());
    Map<String, Object> menu = new LinkedHashMap<>();
    menu.put("name", product.menu().name());
    menu.put("lowerLimit", product.menu().lowerLimit());
    menu.put("upperLimit", product.menu().upperLimit());
    menu.put("privileges", product.menu().options().stream().map(this::privilege).toList());
    json.put("privilegeMenu", menu);
    json.put(
        "includedPrivileges", product.includedPrivileges().stream().map(this::privilege).toList());
    HttpResponses.json(exchange, 200, json);
  }

  private Map<String, Object> privilege(Privilege privilege) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", privilege.code());
    json.put("name", privilege.name());
    json.put("description", privilege.description());
    json.put("kind", privilege.kind().name());
    json.put("excludes", List.copyOf(privilege.excludes()));
    json.put("requires", List.copyOf(privilege.requires()));
    return json;
  }

  private void activate(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String key = body.text("/orderCodeOrIccid", true, 32).orElse("");
    String name = body.text("/name", true, 64).orElse("");
    String idNumber = body.text("/idNumber", true, 32).orElse("");
    List<String> chosen = body.codes("/chosenPrivileges", 50);
    body.requireValid();
    Subscription subscription =
        subscriptions.activate(
            new ActivationRequest(key, name, idNumber, chosen), Actor.SUBSCRIBER);
    HttpResponses.json(
        exchange,
        subscription.status() == ProductStatus.ACTIVE ? 201 : 202,
        ProductInventoryRoutes.json(subscription));
  }

  private void changePrivileges(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String number = body.text("/msisdn", true, 16).orElse("");
    String idNumber = body.text("/idNumber", true, 32).orElse("");
    List<String> chosen = body.codes("/chosenPrivileges", 50);
    String msisdn = PhoneNumbers.normalize(number).orElse("");
    if (!number.isEmpty() && msisdn.isEmpty()) {
      body.invalid("/msisdn", "not a mainland mobile number");
    }
    body.requireValid();
    HttpResponses.json(
        exchange,
        202,
        ProductInventoryRoutes.json(
            subscriptions.changePrivileges(msisdn, idNumber, chosen, Actor.SUBSCRIBER)));
  }
}
