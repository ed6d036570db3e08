package io.simbundle.provisioning.sales.inventory;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inventory files over HTTP: good lines in, every bad line named with its number and reason. */
@EngineTest
class InventoryImportTest {

  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("inventory_import");
    presale = new Presale(engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void goodLinesAreImportedAndEachBadLineIsReportedWithItsNumber() {
    String csv =
        """
        iccid,imsi,province
        89860100000000000001,460010000000001,GD
        89860100000000000002,460010000000002,XX
        12345,460010000000003,GD
        89860100000000000004,999,GD

        89860100000000000001,460010000000009,GD
        89860100000000000006,460010000000001,GD
        89860100000000000007,460010000000007,GD
        """;

    HttpResponse<String> response = presale.importCsv("simCard", csv);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode report = read(response);
    assertThat(report.path("linesRead").asInt()).isEqualTo(7);
    assertThat(report.path("imported").asInt()).isEqualTo(2);
    assertThat(report.path("rejected").findValuesAsText("line"))
        .containsExactly("3", "4", "5", "7", "8");
    assertThat(report.path("rejected").findValuesAsText("reason"))
        .containsExactly(
            "province 'XX' is not a code like GD",
            "ICCID '12345' is not 19 or 20 digits starting with 89",
            "IMSI '999' is not 15 digits starting with 460 (a mainland operator)",
            "repeats line 2",
            "IMSI repeats line 2");
  }

  @Test
  void itemsAlreadyInInventoryAreRejectedAndTheRestImported() {
    String first = "msisdn,province\n13800000001,GD\n+8613800000002,GD\n";
    String second = "province,msisdn\nGD,8613800000002\nGD,13800000003\nGD,1380000000\n";

    presale.importCsv("phoneNumber", first);
    JsonNode report = read(presale.importCsv("phoneNumber", second));

    assertThat(report.path("imported").asInt()).isEqualTo(1);
    assertThat(report.path("rejected").get(0).path("line").asInt()).isEqualTo(2);
    assertThat(report.path("rejected").get(0).path("reason").asText())
        .isEqualTo("8613800000002 is already in inventory");
    assertThat(report.path("rejected").get(1).path("reason").asText())
        .isEqualTo("MSISDN '1380000000' is not a mainland mobile number");
  }

  @Test
  void aFileWithoutTheColumnsIsRefusedNamingLineOneAndStoresNothing() {
    JsonNode before = read(engine.adminGet("/api/v1/inventory/stock"));

    HttpResponse<String> response =
        presale.importCsv("simCard", "iccid,province\n89860100000000000099,GD\n");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(read(response).path("detail").asText())
        .isEqualTo("line 1: the header lacks column(s) imsi; expected iccid,imsi,province");
    assertThat(read(engine.adminGet("/api/v1/inventory/stock"))).isEqualTo(before);
  }

  @Test
  void aBrokenQuoteRejectsItsLineOnly() {
    String csv = "msisdn,province\n13900000001,GD\n\"13900000002,GD\n13900000003,GD\n";

    JsonNode report = read(presale.importCsv("phoneNumber", csv));

    assertThat(report.path("imported").asInt()).isEqualTo(2);
    assertThat(report.path("rejected").get(0).path("line").asInt()).isEqualTo(3);
    assertThat(report.path("rejected").get(0).path("reason").asText()).startsWith("malformed CSV");
  }

  @Test
  void importingNeedsAdminCredentials() {
    HttpResponse<String> response =
        engine.send(
            HttpRequest.newBuilder(engine.uri("/api/v1/inventory/phoneNumber"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("msisdn,province\n13700000001,GD\n"))
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void stockIsCountedPerProvince() {
    presale.stock("SC", 900_000, 3);

    JsonNode stock = read(engine.adminGet("/api/v1/inventory/stock"));

    assertThat(
            stock.findParents("province").stream()
                .filter(s -> s.path("province").asText().equals("SC")))
        .extracting(s -> s.path("kind").asText() + ":" + s.path("available").asLong())
        .containsExactlyInAnyOrder("SIM_CARD:3", "PHONE_NUMBER:3");
  }
}
