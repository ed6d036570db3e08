package io.simbundle.provisioning.channels.rest.qualification;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.campaign.WhenPartnerSilent;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.product.Province;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.provisioning.channels.http.Gifts;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Reasons;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.buyer.BuyerType;
import io.simbundle.provisioning.sales.buyer.BuyerTypes;
import io.simbundle.rules.GiftRequest;
import io.simbundle.rules.PrivilegeSelectionRequest;
import io.simbundle.rules.QualificationRequest;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The rules' three decisions over HTTP.
 *
 * <ul>
 *   <li>{@code POST /tmf-api/productOfferingQualification/v5/checkProductOfferingQualification}
 *       (TMF679): may this buyer buy these cards? The buyer's card and order counts come from the
 *       engine's own records, never from the caller, and so does their B2B2C type (the engine's
 *       records and the partner's platform; the caller's flags are a hint).
 *   <li>{@code POST /api/v1/privilegeSelectionCheck}: is this choice of privileges valid?
 *   <li>{@code POST /api/v1/giftQuote}: which gifts would a subscription get?
 * </ul>
 */
public final class QualificationRoutes extends RouteBuilder {

  public static final String TMF679 = "/tmf-api/productOfferingQualification/v5";

  private final CatalogService catalog;
  private final RulesService rules;
  private final BuyerRecords records;
  private final BuyerTypes types;
  private final Clock clock;

  public QualificationRoutes(
      CatalogService catalog,
      RulesService rules,
      BuyerRecords records,
      BuyerTypes types,
      Clock clock) {
    this.catalog = catalog;
    this.rules = rules;
    this.records = records;
    this.types = types;
    this.clock = clock;
  }

  @Override
  public void configure() {
    rest(TMF679)
        .post("/checkProductOfferingQualification")
        .id("tmf679-check-qualification")
        .consumes("application/json")
        .produces("application/json")
        .to("direct:tmf679-check-qualification");
    rest("/api/v1")
        .post("/privilegeSelectionCheck")
        .id("privilege-selection-check")
        .to("direct:privilege-selection-check")
        .post("/giftQuote")
        .id("gift-quote")
        .to("direct:gift-quote");

    from("direct:tmf679-check-qualification").process(this::checkQualification);
    from("direct:privilege-selection-check").process(this::checkSelection);
    from("direct:gift-quote").process(this::quoteGifts);
  }

  private void checkQualification(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String channel = body.text("/channel/id", true).orElse("");
    Optional<Province> province = body.province("/place/id", true);
    Optional<String> campaign = body.text("/campaign/id", false);
    String name = body.text("/buyer/name", false).orElse("");
    String idNumber = body.text("/buyer/idNumber", true).orElse("");
    boolean newToOperator = body.bool("/buyer/newToOperator", false);
    boolean newToPartner = body.bool("/buyer/newToPartner", false);
    List<String[]> items = items(body);
    body.requireValid();

    CatalogVersion version = catalog.current();
    Instant now = clock.instant();
    BuyerRecords.Standing standing = records.standing(idNumber, campaign);
    int activeCards = standing.activeCards();
    int campaignOrders = standing.campaignOrders();
    long unitsSold = campaign.map(records::campaignUnitsSold).orElse(0L);
    WhenPartnerSilent whenSilent =
        campaign
            .flatMap(version::campaign)
            .map(c -> c.terms().whenPartnerSilent())
            .orElse(WhenPartnerSilent.TREAT_AS_EXISTING);

    List<Map<String, Object>> results = new ArrayList<>();
    boolean allQualified = true;
    String ruleSetVersion = "";
    for (String[] item : items) {
      BuyerType type =
          types.decide(
              standing,
              version.product(item[1]).map(ProductOffering::partnerCode).orElse(""),
              idNumber,
              newToOperator,
              newToPartner,
              whenSilent);
      Decision decision =
          rules.qualify(
              version,
              new QualificationRequest(
                  item[1],
                  campaign,
                  channel,
                  province.orElseThrow(),
                  name,
                  idNumber,
                  type.newToOperator(),
                  type.newToPartner(),
                  activeCards,
                  campaignOrders,
                  unitsSold,
                  1,
                  1,
                  now));
      allQualified &= decision.approved();
      ruleSetVersion = decision.ruleSetVersion();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("id", item[0]);
      result.put("@type", "CheckProductOfferingQualificationItem");
      result.put("productOffering", Map.of("id", item[1]));
      result.put("qualificationItemResult", decision.approved() ? "qualified" : "unqualified");
      result.put("eligibilityUnavailabilityReason", Reasons.json(decision.reasons()));
      result.put("firedRules", decision.firedRules());
      result.put("buyerType", Map.of("b2b2cType", type.b2b2cType(), "typeDecidedBy", type.basis()));
      results.add(result);
    }
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("id", UUID.randomUUID().toString());
    response.put("@type", "CheckProductOfferingQualification");
    response.put("state", "done");
    response.put("qualificationResult", allQualified ? "qualified" : "unqualified");
    response.put("effectiveQualificationDate", now.toString());
    response.put("catalogVersion", version.version());
    response.put("ruleSetVersion", ruleSetVersion);
    response.put("checkProductOfferingQualificationItem", results);
    HttpResponses.json(exchange, 201, response);
  }

  /** The items' ids and product offering ids. */
  private static List<String[]> items(RequestBodies body) {
    JsonNode items = body.root().path("checkProductOfferingQualificationItem");
    if (!items.isArray() || items.isEmpty()) {
      body.invalid("/checkProductOfferingQualificationItem", "at least one item is required");
      return List.of();
    }
    List<String[]> result = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String pointer = "/checkProductOfferingQualificationItem/" + i;
      Optional<String> offering = body.text(pointer + "/productOffering/id", true);
      String id = items.get(i).path("id").asText(String.valueOf(i + 1));
      offering.ifPresent(o -> result.add(new String[] {id, o}));
    }
    if (items.size() > 20) {
      body.invalid("/checkProductOfferingQualificationItem", "at most 20 items");
    }
    return result;
  }

  private void checkSelection(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String product = body.text("/productOffering/id", true).orElse("");
    List<String> chosen = body.codes("/chosenPrivileges", 50);
    boolean newToOperator = body.bool("/buyer/newToOperator", false);
    boolean newToPartner = body.bool("/buyer/newToPartner", false);
    body.requireValid();
    Decision decision =
        rules.checkPrivileges(
            catalog.current(),
            new PrivilegeSelectionRequest(product, chosen, newToOperator, newToPartner));
    HttpResponses.json(exchange, 200, decisionJson(decision, "valid", "invalid"));
  }

  private void quoteGifts(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    String product = body.text("/productOffering/id", true).orElse("");
    List<String> chosen = body.codes("/chosenPrivileges", 50);
    boolean newToOperator = body.bool("/buyer/newToOperator", false);
    boolean newToPartner = body.bool("/buyer/newToPartner", false);
    Optional<String> campaign = body.text("/campaign/id", false);
    body.requireValid();
    long nextOrder = campaign.map(records::campaignUnitsSold).orElse(0L) + 1;
    Decision decision =
        rules.gifts(
            catalog.current(),
            new GiftRequest(
                product,
                chosen,
                newToOperator,
                newToPartner,
                campaign,
                nextOrder,
                clock.instant()));
    Map<String, Object> json = decisionJson(decision, "quoted", "quoted");
    json.put("gifts", decision.gifts().stream().map(Gifts::json).toList());
    HttpResponses.json(exchange, 200, json);
  }

  private static Map<String, Object> decisionJson(Decision decision, String yes, String no) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("result", decision.approved() ? yes : no);
    json.put("reasons", Reasons.json(decision.reasons()));
    json.put("firedRules", decision.firedRules());
    json.put("ruleSetVersion", decision.ruleSetVersion());
    return json;
  }
}
