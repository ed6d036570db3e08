package io.simbundle.provisioning.channels.rest.charging;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.charging.Balance;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.PartnerSettlement;
import io.simbundle.charging.account.Decision;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.store.DecisionRecord;
import io.simbundle.charging.store.DecisionRecords;
import io.simbundle.charging.usage.ExplainedUsage;
import io.simbundle.charging.usage.WhyCharged;
import io.simbundle.provisioning.channels.http.Dates;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * What the charging function knows, for customer care and partner accounting, behind admin
 * credentials:
 *
 * <ul>
 *   <li>{@code GET /api/v1/charging/balance/{msisdn}}: allowance used and left, gifts left, free
 *       traffic used per privilege, quota held by open Gy sessions;
 *   <li>{@code GET /api/v1/charging/usage/{msisdn}[?from=yyyy-MM-dd]}: usage per day, service,
 *       rating group and reason (the last 92 days unless told), each with why it was free or
 *       charged as stored when decided;
 *   <li>{@code GET /api/v1/charging/decisions/{msisdn}[?before=instant&limit=n]}: the decisions —
 *       grants, debits, refunds, denials — per hour with their reasons and the catalog and rule-set
 *       versions they were decided under, newest hour first, a page of whole hours with a link to
 *       the next;
 *   <li>{@code GET /api/v1/charging/settlement/{yyyy-MM}}: what each partner owes for the traffic
 *       and the call time it sponsored in the month, priced by the catalog version in force when
 *       the month began.
 * </ul>
 */
public final class ChargingRoutes extends RouteBuilder {

  private final ChargingFunction charging;
  private final CatalogService catalog;
  private final AdminAuthentication authentication;
  private final Clock clock;

  /** Usage is listed from this long ago unless the request says from when. */
  private static final Duration USAGE_BY_DEFAULT = Duration.ofDays(92);

  /** Decision records per page unless asked, and at most. */
  private static final int PAGE = 100;

  private static final int MAX_PAGE = 1000;

  public ChargingRoutes(
      ChargingFunction charging,
      CatalogService catalog,
      AdminCredentials credentials,
      Clock clock) {
    this.charging = charging;
    this.catalog = catalog;
    this.authentication = new AdminAuthentication(credentials);
    this.clock = clock;
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
        .get("/decisions/{msisdn}")
        .id("charging-decisions")
        .to("direct:charging-decisions")
        .get("/settlement/{month}")
        .id("charging-settlement")
        .to("direct:charging-settlement");
    from("direct:charging-balance").process(authentication).process(this::balance);
    from("direct:charging-usage").process(authentication).process(this::usage);
    from("direct:charging-decisions").process(authentication).process(this::decisions);
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
    json.put("sponsoredVoiceSecondsUsed", balance.beyondPlan().sponsoredSecondsUsed());
    json.put("voiceOverageSeconds", balance.beyondPlan().voiceOverageSeconds());
    json.put("smsOverage", balance.beyondPlan().smsOverage());
    json.put("overageFen", balance.beyondPlan().overageFen());
    HttpResponses.json(exchange, 200, json);
  }

  private void usage(Exchange exchange) {
    String msisdn = msisdn(exchange);
    Instant from =
        Optional.ofNullable(exchange.getIn().getHeader("from", String.class))
            .map(ChargingRoutes::day)
            .orElseGet(() -> clock.instant().minus(USAGE_BY_DEFAULT));
    List<Map<String, Object>> records =
        charging
            .explainedUsage(msisdn, from)
            .orElseThrow(() -> new ProblemException(Problem.notFound("no subscriber " + msisdn)))
            .stream()
            .map(ChargingRoutes::json)
            .toList();
    HttpResponses.json(exchange, 200, records);
  }

  private static Map<String, Object> json(ExplainedUsage usage) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("day", usage.day().toString());
    json.put("service", usage.service().name());
    json.put("ratingGroup", usage.ratingGroup());
    json.put("reason", usage.reason().name());
    json.put("basis", usage.reason().basis().name());
    putIfAny(json, "reference", usage.reference());
    putIfAny(json, "partner", usage.partnerCode());
    putIfAny(json, "catalogVersion", usage.catalogVersion());
    putIfAny(json, "ruleSetVersion", usage.ruleSetVersion());
    json.put("units", usage.units());
    json.put("unit", unit(usage.service()));
    json.put("why", usage.why());
    return json;
  }

  private void decisions(Exchange exchange) {
    String msisdn = msisdn(exchange);
    if (charging.profile(msisdn).isEmpty()) {
      throw new ProblemException(Problem.notFound("no subscriber " + msisdn));
    }
    Instant before =
        Optional.ofNullable(exchange.getIn().getHeader("before", String.class))
            .map(ChargingRoutes::instant)
            .orElseGet(
                () -> clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1)));
    int limit =
        Optional.ofNullable(exchange.getIn().getHeader("limit", String.class))
            .map(ChargingRoutes::limit)
            .orElse(PAGE);
    DecisionRecords.Page page = charging.decisions(msisdn, before, limit);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("decisions", page.records().stream().map(ChargingRoutes::json).toList());
    page.nextBefore()
        .ifPresent(
            next ->
                json.put(
                    "next",
                    "/api/v1/charging/decisions/%s?before=%s&limit=%d"
                        .formatted(msisdn, next, limit)));
    HttpResponses.json(exchange, 200, json);
  }

  private static Map<String, Object> json(DecisionRecord record) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("hour", record.hour().toString());
    json.put("service", record.service().name());
    json.put("ratingGroup", record.ratingGroup());
    json.put("action", record.action().name());
    json.put("reason", record.reason().name());
    json.put("basis", record.reason().basis().name());
    putIfAny(json, "reference", record.reference());
    putIfAny(json, "partner", record.partnerCode());
    putIfAny(json, "catalogVersion", record.catalogVersion());
    putIfAny(json, "ruleSetVersion", record.ruleSetVersion());
    json.put("count", record.count());
    json.put("units", record.units());
    json.put("unit", unit(record.service()));
    json.put("why", WhyCharged.explain(record));
    return json;
  }

  private static void putIfAny(Map<String, Object> json, String name, String value) {
    if (!value.isEmpty()) {
      json.put(name, value);
    }
  }

  private static String unit(Decision.Service service) {
    return switch (service) {
      case DATA -> "bytes";
      case VOICE -> "seconds";
      case SMS -> "messages";
    };
  }

  private static Instant day(String text) {
    try {
      return LocalDate.parse(text).atStartOfDay(ChargingProfile.BILLING_ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw new ProblemException(Problem.badRequest("from is a day, yyyy-MM-dd"));
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new ProblemException(
          Problem.badRequest("before is an instant, e.g. 2026-12-03T08:00:00Z"));
    }
  }

  private static int limit(String text) {
    try {
      int limit = Integer.parseInt(text);
      if (limit >= 1 && limit <= MAX_PAGE) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // the problem below says what is wanted
    }
    throw new ProblemException(Problem.badRequest("limit is a whole number from 1 to " + MAX_PAGE));
  }

  private void settlement(Exchange exchange) {
    String text = exchange.getIn().getHeader("month", String.class);
    YearMonth month = Dates.month(text);
    List<Map<String, Object>> partners =
        charging.settlement(month, inForce(month)).stream().map(ChargingRoutes::json).toList();
    HttpResponses.json(exchange, 200, Map.of("month", month.toString(), "partners", partners));
  }

  /** The catalog version in force when the month began (Beijing): its prices settle the month. */
  private CatalogVersion inForce(YearMonth month) {
    return catalog.timeline().inForceWhenBegan(month, ChargingProfile.BILLING_ZONE);
  }

  /** What a partner owes for one privilege's sponsoring, as the API shows it. */
  static Map<String, Object> json(PartnerSettlement settlement) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("partner", settlement.partnerCode());
    json.put("privilege", settlement.privilegeCode());
    json.put("sponsoredBytes", settlement.sponsoredBytes());
    json.put("sponsoredGb", settlement.sponsoredGb());
    json.put("fenPerGb", settlement.fenPerGb());
    json.put("sponsoredSeconds", settlement.sponsoredSeconds());
    json.put("fenPerMinute", settlement.fenPerMinute());
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
