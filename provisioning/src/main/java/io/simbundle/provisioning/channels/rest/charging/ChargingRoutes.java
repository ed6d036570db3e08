package io.simbundle.provisioning.channels.rest.charging;

import io.simbundle.catalog.CatalogService;
import io.simbundle.charging.Balance;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.PartnerSettlement;
import io.simbundle.charging.usage.ExplainedUsage;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * What the charging function knows, for customer care and partner accounting, behind admin
 * credentials:
 *
 * <ul>
 *   <li>{@code GET /api/v1/charging/balance/{msisdn}}: allowance used and left, gifts left, free
 *       traffic used per privilege, quota held by open Gy sessions;
 *   <li>{@code GET /api/v1/charging/usage/{msisdn}}: usage per day, rating group and payer, each
 *       with why it was free or charged;
 *   <li>{@code GET /api/v1/charging/settlement/{yyyy-MM}}: what each partner owes for the traffic
 *       it sponsored in the month, priced by the catalog in force.
 * </ul>
 */
public final class ChargingRoutes extends RouteBuilder {

  private final ChargingFunction charging;
  private final CatalogService catalog;
  private final AdminAuthentication authentication;

  public ChargingRoutes(
      ChargingFunction charging, CatalogService catalog, AdminCredentials credentials) {
    this.charging = charging;
    this.catalog = catalog;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest("/api/v1/charging")
        .get("/balance/{msisdn}")
        .id("charging-balance")
        .to("direct:charging-balance")
        .get("/usage/{msisdn}")
        .id("charging-usage")
        .to("direct:charging-usage")
        .get("/settlement/{month}")
        .id("charging-settlement")
        .to("direct:charging-settlement");
    from("direct:charging-balance").process(authentication).process(this::balance);
    from("direct:charging-usage").process(authentication).process(this::usage);
    from("direct:charging-settlement").process(authentication).process(this::settlement);
  }

  private void balance(Exchange exchange) {
    String msisdn = msisdn(exchange);
    Balance balance =
        charging
            .balance(msisdn)
            .orElseThrow(() -> new ProblemException(Problem.notFound("no subscriber " + msisdn)));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("msisdn", balance.msisdn());
    json.put("allowanceBytes", balance.allowanceBytes());
    json.put("allowanceUsedBytes", balance.allowanceUsedBytes());
    json.put("allowanceLeftBytes", balance.allowanceLeftBytes());
    json.put("giftsLeftBytes", balance.giftsLeftBytes());
    json.put("zeroRatedUsedBytes", balance.zeroRatedUsedBytes());
    json.put("reservedBytes", balance.reservedBytes());
    json.put("openSessions", balance.openSessions().size());
    json.put("barred", balance.barred());
    json.put("smsPerCycle", balance.smsPerCycle());
    json.put("smsLeft", balance.smsLeft());
    json.put("voiceSecondsPerCycle", balance.voiceSecondsPerCycle());
    json.put("voiceSecondsUsed", balance.voiceSecondsUsed());
    json.put("voiceSecondsLeft", balance.voiceSecondsLeft());
    HttpResponses.json(exchange, 200, json);
  }

  private void usage(Exchange exchange) {
    String msisdn = msisdn(exchange);
    List<Map<String, Object>> records =
        charging
            .explainedUsage(msisdn)
            .orElseThrow(() -> new ProblemException(Problem.notFound("no subscriber " + msisdn)))
            .stream()
            .map(ChargingRoutes::json)
            .toList();
    HttpResponses.json(exchange, 200, records);
  }

  private static Map<String, Object> json(ExplainedUsage usage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("day", usage.record().day().toString());
    json.put("ratingGroup", usage.record().ratingGroup());
    json.put("paidByKind", usage.record().paidByKind());
    json.put("paidBy", usage.record().paidBy());
    if (!usage.record().partnerCode().isEmpty()) {
      json.put("partner", usage.record().partnerCode());
    }
    json.put("bytes", usage.record().bytes());
    json.put("why", usage.why());
    return json;
  }

  private void settlement(Exchange exchange) {
    String text = exchange.getIn().getHeader("month", String.class);
    YearMonth month;
    try {
      month = YearMonth.parse(text);
    } catch (DateTimeParseException e) {
      throw new ProblemException(Problem.badRequest("the month is written yyyy-MM, e.g. 2026-12"));
    }
    List<Map<String, Object>> partners =
        charging.settlement(month, catalog.current()).stream().map(ChargingRoutes::json).toList();
    HttpResponses.json(exchange, 200, Map.of("month", month.toString(), "partners", partners));
  }

  private static Map<String, Object> json(PartnerSettlement settlement) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("partner", settlement.partnerCode());
    json.put("privilege", settlement.privilegeCode());
    json.put("sponsoredBytes", settlement.sponsoredBytes());
    json.put("sponsoredGb", settlement.sponsoredGb());
    json.put("fenPerGb", settlement.fenPerGb());
    json.put("amountFen", settlement.amountFen());
    return json;
  }

  private static String msisdn(Exchange exchange) {
    String number = exchange.getIn().getHeader("msisdn", String.class);
    return PhoneNumbers.normalize(number)
        .orElseThrow(
            () -> new ProblemException(Problem.badRequest("not a mainland mobile number")));
  }
}
