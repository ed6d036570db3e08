package io.simbundle.provisioning.channels.rest.charging;

import io.simbundle.provisioning.channels.http.Dates;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.settlement.PartnerStatement;
import io.simbundle.provisioning.settlement.PartnerStatements;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A partner's monthly statement for the operator's finance people, behind admin credentials: {@code
 * GET /api/v1/partners/{code}/statement/{yyyy-MM}?format=json|csv}.
 */
public final class PartnerStatementRoutes extends RouteBuilder {

  private final PartnerStatements statements;
  private final AdminAuthentication authentication;

  public PartnerStatementRoutes(PartnerStatements statements, AdminCredentials admin) {
    this.statements = statements;
    this.authentication = new AdminAuthentication(admin);
  }

  @Override
  public void configure() {
    rest("/api/v1/partners")
        .get("/{code}/statement/{month}")
        .id("partner-statement")
        .to("direct:partner-statement");
    from("direct:partner-statement").process(authentication).process(this::statement);
  }

  private void statement(Exchange exchange) {
    String partner = exchange.getIn().getHeader("code", String.class);
    String text = exchange.getIn().getHeader("month", String.class);
    YearMonth month = Dates.month(text);
    PartnerStatement statement = statements.of(partner, month);
    String format = exchange.getIn().getHeader("format", "json", String.class);
    if ("csv".equals(format)) {
      exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
      exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
      exchange.getMessage().setBody(statement.csv());
    } else if ("json".equals(format)) {
      HttpResponses.json(exchange, 200, json(statement));
    } else {
      throw new ProblemException(Problem.badRequest("format is json or csv, was " + format));
    }
  }

  private static Map<String, Object> json(PartnerStatement statement) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("partner", statement.partner());
    json.put("month", statement.month().toString());
    json.put(
        "revenueShare",
        statement.shares().stream()
            .map(
                s -> {
                  Map<String, Object> share = new LinkedHashMap<>();
                  share.put("product", s.product());
                  share.put("catalogVersion", s.catalogVersion());
                  share.put("subscribers", s.subscribers());
                  share.put("feesFen", s.feesFen());
                  share.put("partnerPercent", s.partnerPercent());
                  share.put("partnerFen", s.partnerFen());
                  s.integrator().ifPresent(i -> share.put("integrator", i));
                  share.put("integratorPercent", s.integratorPercent());
                  share.put("integratorFen", s.integratorFen());
                  share.put("operatorFen", s.operatorFen());
                  return share;
                })
            .toList());
    json.put("sponsoredPricedBy", statement.sponsoredPricedBy());
    json.put("sponsored", statement.sponsored().stream().map(ChargingRoutes::json).toList());
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("feesFen", statement.feesFen());
    totals.put("partnerShareFen", statement.partnerShareFen());
    totals.put("integratorFen", statement.integratorFen());
    totals.put("operatorFen", statement.operatorFen());
    totals.put("sponsoredFen", statement.sponsoredFen());
    totals.put("netToPartnerFen", statement.netToPartnerFen());
    json.put("totals", totals);
    return json;
  }
}
