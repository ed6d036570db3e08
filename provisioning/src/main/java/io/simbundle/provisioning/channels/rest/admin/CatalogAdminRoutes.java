package io.simbundle.provisioning.channels.rest.admin;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.LoadReport;
import io.simbundle.catalog.file.CatalogProblem;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operator actions on the catalog, behind HTTP Basic authentication: {@code GET
 * /admin/catalog/versions} lists every stored version, {@code POST /admin/catalog/reload} reads the
 * catalog files again and takes the new valid versions. A reload that rejects a file answers 422
 * with every problem; the valid files it read are taken all the same.
 */
public final class CatalogAdminRoutes extends RouteBuilder {

  private static final Logger log = LoggerFactory.getLogger(CatalogAdminRoutes.class);

  private final CatalogService catalog;
  private final AdminAuthentication authentication;
  private final Clock clock;

  public CatalogAdminRoutes(CatalogService catalog, AdminCredentials credentials, Clock clock) {
    this.catalog = catalog;
    this.authentication = new AdminAuthentication(credentials);
    this.clock = clock;
  }

  @Override
  public void configure() {
    rest("/admin/catalog")
        .get("/versions")
        .id("admin-catalog-versions")
        .to("direct:admin-catalog-versions")
        .post("/reload")
        .id("admin-catalog-reload")
        .to("direct:admin-catalog-reload");

    from("direct:admin-catalog-versions").process(authentication).process(this::versions);
    from("direct:admin-catalog-reload").process(authentication).process(this::reload);
  }

  private void versions(Exchange exchange) {
    Instant now = clock.instant();
    Optional<CatalogVersion> inForce = catalog.timeline().inForceAt(now);
    List<Map<String, Object>> versions =
        catalog.timeline().versions().stream()
            .map(
                v -> {
                  Map<String, Object> json = new LinkedHashMap<>();
                  json.put("version", v.version());
                  json.put("effectiveFrom", v.effectiveFrom().toString());
                  json.put("movesExistingSubscribers", v.movesExistingSubscribers());
                  json.put(
                      "inForce", inForce.map(f -> f.version().equals(v.version())).orElse(false));
                  json.put("products", v.products().size());
                  return json;
                })
            .toList();
    HttpResponses.json(exchange, 200, versions);
  }

  private void reload(Exchange exchange) {
    LoadReport report = catalog.reload();
    log.info(
        "catalog reload by admin: added {}, unchanged {}, rejected {}",
        report.added(),
        report.unchanged(),
        report.rejected().stream().map(LoadReport.Rejected::source).toList());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("added", report.added());
    body.put("unchanged", report.unchanged());
    body.put("rejected", report.rejected().stream().map(CatalogAdminRoutes::rejected).toList());
    if (report.clean()) {
      HttpResponses.json(exchange, 200, body);
      return;
    }
    Problem problem =
        Problem.of(
                422,
                "invalid-catalog",
                "Catalog file rejected",
                report.rejected().size() + " catalog file(s) rejected; the versions in use stay")
            .with("added", report.added())
            .with("unchanged", report.unchanged())
            .with("rejected", body.get("rejected"));
    throw new ProblemException(problem);
  }

  private static Map<String, Object> rejected(LoadReport.Rejected rejected) {
    return Map.of(
        "source",
        rejected.source(),
        "problems",
        rejected.problems().stream().map(CatalogAdminRoutes::problem).toList());
  }

  private static Map<String, Object> problem(CatalogProblem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", problem.file());
    json.put("line", problem.line());
    json.put("path", problem.path());
    json.put("message", problem.message());
    return json;
  }
}
