package io.simbundle.provisioning.channels.rest.activation;

import io.simbundle.catalog.privilege.Privilege;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.ClientAddress;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.rest.product.ProductInventoryRoutes;
import io.simbundle.provisioning.subscription.ActivationRequest;
import io.simbundle.provisioning.subscription.CardToActivate;
import io.simbundle.provisioning.subscription.ProductStatus;
import io.simbundle.provisioning.subscription.Subscription;
import io.simbundle.provisioning.subscription.SubscriptionService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * What a subscriber does from the web page. Personal data travels in request bodies only, never in
 * URLs; knowing the order code (or ICCID) and the buyer's name and ID number is what proves the
 * subscriber.
 *
 * <ul>
 *   <li>{@code POST /api/v1/activation/card}: the card an order code or ICCID names, with its
 *       privilege menu and whether a code is required;
 *   <li>{@code POST /api/v1/activation/code}: after the real-name check, a code by SMS to the
 *       card's number (where the engine sends SMS);
 *   <li>{@code POST /api/v1/activation}: activate it; 201 with the subscription when active, 202
 *       when stored but charging is not yet in place; 401 without the right code where required;
 *   <li>{@code POST /api/v1/privilegeSelection/code}: a code by SMS for a privilege change;
 *   <li>{@code POST /api/v1/privilegeSelection}: change privileges from the next billing cycle.
 * </ul>
 */
public final class ActivationRoutes extends RouteBuilder {

  private final SubscriptionService subscriptions;

  private final ClientAddress addresses;

  public ActivationRoutes(SubscriptionService subscriptions, ClientAddress addresses) {
    this.subscriptions = subscriptions;
    this.addresses = addresses;
  }

  @Override
  public void configure() {
    rest("/api/v1")
        .post("/activation/card")
        .id("activation-card")
        .to("direct:activation-card")
        .post("/activation/code")
        .id("activation-code")
        .to("direct:activation-code")
        .post("/activation")
        .id("activation")
        .to("direct:activation")
        .post("/privilegeSelection/code")
        .id("privilege-selection-code")
        .to("direct:privilege-selection-code")
        .post("/privilegeSelection")
        .id("privilege-selection")
        .to("direct:privilege-selection");

    from("direct:activation-card").process(this::card);
    from("direct:activation-code").process(this::activationCode);
    from("direct:activation").process(this::activate);
    from("direct:privilege-selection-code").process(this::privilegeSelectionCode);
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
    json.put("codeRequired", subscriptions.codesRequired());
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

  private void activationCode(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String key = body.text("/orderCodeOrIccid", true, 32).orElse("");
    String name = body.text("/name", true, 64).orElse("");
    String idNumber = body.text("/idNumber", true, 32).orElse("");
    body.requireValid();
    subscriptions.requestActivationCode(
        new ActivationRequest(key, name, idNumber, List.of()), addresses.of(exchange));
    codeAnswer(exchange, "a code is on its way by SMS to the card's number");
  }

  private void codeAnswer(Exchange exchange, String sent) {
    boolean required = subscriptions.codesRequired();
    HttpResponses.json(
        exchange,
        202,
        Map.of(
            "codeRequired",
            required,
            "detail",
            required ? sent : "this engine sends no SMS: no code is needed"));
  }

  private void activate(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String key = body.text("/orderCodeOrIccid", true, 32).orElse("");
    String name = body.text("/name", true, 64).orElse("");
    String idNumber = body.text("/idNumber", true, 32).orElse("");
    List<String> chosen = body.codes("/chosenPrivileges", 50);
    Optional<String> code = body.text("/code", false, 6);
    body.requireValid();
    Subscription subscription =
        subscriptions.activate(
            new ActivationRequest(key, name, idNumber, chosen, code), Actor.SUBSCRIBER);
    HttpResponses.json(
        exchange,
        subscription.status() == ProductStatus.ACTIVE ? 201 : 202,
        ProductInventoryRoutes.json(subscription));
  }

  private void privilegeSelectionCode(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String msisdn = body.mobileNumber("/msisdn");
    String idNumber = body.text("/idNumber", true, 32).orElse("");
    body.requireValid();
    subscriptions.requestPrivilegeChangeCode(msisdn, idNumber, addresses.of(exchange));
    codeAnswer(exchange, "if this number and ID number hold an active card, a code is on its way");
  }

  private void changePrivileges(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String msisdn = body.mobileNumber("/msisdn");
    String idNumber = body.text("/idNumber", true, 32).orElse("");
    List<String> chosen = body.codes("/chosenPrivileges", 50);
    Optional<String> code = body.text("/code", false, 6);
    body.requireValid();
    HttpResponses.json(
        exchange,
        202,
        ProductInventoryRoutes.json(
            subscriptions.changePrivileges(msisdn, idNumber, chosen, code, Actor.SUBSCRIBER)));
  }
}
