package io.simbundle.provisioning.channels.rest.inventory;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.rest.admin.AdminAuthentication;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.channels.rest.order.ProductOrderRoutes;
import io.simbundle.provisioning.sales.inventory.ImportReport;
import io.simbundle.provisioning.sales.inventory.InvalidInventoryFileException;
import io.simbundle.provisioning.sales.inventory.Inventory;
import io.simbundle.provisioning.sales.inventory.InventoryConflictException;
import io.simbundle.provisioning.sales.inventory.InventoryKind;
import io.simbundle.provisioning.sales.inventory.PhoneNumbers;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Inventory for the back office, behind admin credentials: {@code POST /api/v1/inventory/simCard}
 * and {@code .../phoneNumber} take a CSV file ({@code text/csv}, the file's name in {@code
 * ?source=}) and answer with what was imported and every rejected line; {@code GET
 * /api/v1/inventory/stock} counts per province; {@code GET
 * /api/v1/inventory/phoneNumber/{msisdn}/history} shows a number's quarantines.
 */
public final class InventoryRoutes extends RouteBuilder {

  private static final int MAX_FILE = 32 * 1024 * 1024;

  private final Inventory inventory;
  private final AdminCredentials credentials;
  private final AdminAuthentication authentication;

  public InventoryRoutes(Inventory inventory, AdminCredentials credentials) {
    this.inventory = inventory;
    this.credentials = credentials;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest("/api/v1/inventory")
        .post("/simCard")
        .id("inventory-import-cards")
        .to("direct:inventory-import-cards")
        .post("/phoneNumber")
        .id("inventory-import-numbers")
        .to("direct:inventory-import-numbers")
        .get("/stock")
        .id("inventory-stock")
        .to("direct:inventory-stock")
        .get("/phoneNumber/{msisdn}/history")
        .id("inventory-number-history")
        .to("direct:inventory-number-history");

    from("direct:inventory-import-cards")
        .process(authentication)
        .process(e -> importFile(e, InventoryKind.SIM_CARD));
    from("direct:inventory-import-numbers")
        .process(authentication)
        .process(e -> importFile(e, InventoryKind.PHONE_NUMBER));
    from("direct:inventory-stock")
        .process(authentication)
        .process(e -> HttpResponses.json(e, 200, inventory.stock()));
    from("direct:inventory-number-history").process(authentication).process(this::numberHistory);
  }

  /** Every state change of a number since it was first taken back: quarantine, back on sale. */
  private void numberHistory(Exchange exchange) {
    String msisdn =
        PhoneNumbers.normalize(exchange.getIn().getHeader("msisdn", String.class))
            .orElseThrow(
                () -> new ProblemException(Problem.badRequest("not a mainland mobile number")));
    HttpResponses.json(exchange, 200, ProductOrderRoutes.auditJson(inventory.history(msisdn)));
  }

  private void importFile(Exchange exchange, InventoryKind kind) {
    String csv = exchange.getIn().getBody(String.class);
    if (csv == null || csv.isBlank()) {
      throw new ProblemException(Problem.badRequest("the CSV file is the request body"));
    }
    if (csv.length() > MAX_FILE) {
      throw new ProblemException(
          Problem.of(413, "body-too-large", "Request body too large", "at most 32 MiB a file"));
    }
    String source = exchange.getIn().getHeader("source", kind.apiName() + ".csv", String.class);
    ImportReport report;
    try {
      report =
          inventory.importFile(
              kind, source, new StringReader(csv), Actor.admin(credentials.user()));
    } catch (InvalidInventoryFileException e) {
      throw new ProblemException(
          Problem.of(422, "invalid-inventory-file", "Invalid inventory file", e.getMessage())
              .with("source", source));
    } catch (InventoryConflictException e) {
      throw new ProblemException(
          Problem.of(409, "inventory-conflict", "Concurrent import", e.getMessage()));
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("batchId", report.batchId());
    json.put("kind", report.kind().apiName());
    json.put("source", report.source());
    json.put("linesRead", report.linesRead());
    json.put("imported", report.imported());
    json.put("rejected", report.rejected());
    HttpResponses.json(exchange, 201, json);
  }
}
