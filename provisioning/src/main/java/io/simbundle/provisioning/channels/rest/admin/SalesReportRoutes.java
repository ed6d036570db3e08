package io.simbundle.provisioning.channels.rest.admin;

import io.simbundle.provisioning.channels.http.Dates;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.sales.report.Reconciliation;
import io.simbundle.provisioning.sales.report.SalesReport;
import java.time.LocalDate;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Sales for the operator, behind admin credentials: {@code GET
 * /api/v1/reports/sales?from=yyyy-MM-dd&to=yyyy-MM-dd&format=json|csv} — orders placed from the
 * first day to the last (Beijing days, both included) per store, campaign and province.
 */
public final class SalesReportRoutes extends RouteBuilder {

  private static final int MAX_DAYS = 366;

  private final SalesReport sales;
  private final AdminAuthentication authentication;

  public SalesReportRoutes(SalesReport sales, AdminCredentials admin) {
    this.sales = sales;
    this.authentication = new AdminAuthentication(admin);
  }

  @Override
  public void configure() {
    rest("/api/v1/reports").get("/sales").id("report-sales").to("direct:report-sales");
    from("direct:report-sales").process(authentication).process(this::report);
  }

  private void report(Exchange exchange) {
    LocalDate from = day(exchange, "from");
    LocalDate to = day(exchange, "to");
    if (to.isBefore(from) || to.isAfter(from.plusDays(MAX_DAYS))) {
      throw new ProblemException(
          Problem.badRequest("to is on or after from, at most " + MAX_DAYS + " days later"));
    }
    List<SalesReport.Row> rows =
        sales.between(
            from.atStartOfDay(Reconciliation.BEIJING).toInstant(),
            to.plusDays(1).atStartOfDay(Reconciliation.BEIJING).toInstant());
    String format = exchange.getIn().getHeader("format", "json", String.class);
    if ("csv".equals(format)) {
      exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
      exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/csv; charset=utf-8");
      exchange.getMessage().setBody(SalesReport.csv(rows));
    } else if ("json".equals(format)) {
      HttpResponses.json(exchange, 200, rows);
    } else {
      throw new ProblemException(Problem.badRequest("format is json or csv, was " + format));
    }
  }

  private static LocalDate day(Exchange exchange, String name) {
    return Dates.day(name, exchange.getIn().getHeader(name, String.class));
  }
}
