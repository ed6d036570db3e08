package io.simbundle.provisioning.channels.store;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store reads its own orders and books with its signature, never another store's; its day's
 * reconciliation lands in its drop folder; the operator reads sales per store, campaign and
 * province as JSON and CSV.
 */
@EngineTest
class StoreSelfServiceTest {

  // 2026-11-23, 16:00 in Beijing.
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static TestEngine engine;
  private static Presale presale;
  private static String yixun;
  private static String tmall;
  private static String paidOrder;
  private static String tmallOrder;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("store_self_service", clock);
    presale = new Presale(engine);
    presale.stock("GD", 98_000, 10);
    yixun =
        presale.onboardStore(
            "yixun", java.net.URI.create("http://127.0.0.1:9/cb"), "yixun-wechat-wo-presale");
    tmall =
        presale.onboardStore(
            "tmall", java.net.URI.create("http://127.0.0.1:9/cb"), "tmall-flagship");
    paidOrder =
        push("yixun", yixun, "YX-SELF-1", "wechat-wo", "deposit", "yixun-wechat-wo-presale");
    push("yixun", yixun, "YX-SELF-2", "wechat-wo", "deposit", "yixun-wechat-wo-presale");
    tmallOrder = push("tmall", tmall, "TM-SELF-1", "tmall-card", "full", "tmall-flagship");
    assertThat(presale.pay(paidOrder, 5000).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static String push(
      String store,
      String secret,
      String externalId,
      String product,
      String payment,
      String campaign) {
    return push(
        store, secret, externalId, product, payment, campaign, Presale.newIdNumber("19840404"));
  }

  private static String push(
      String store,
      String secret,
      String externalId,
      String product,
      String payment,
      String campaign,
      String idNumber) {
    String body =
        Presale.order(
                externalId,
                idNumber,
                product,
                "{\"type\": \"" + payment + "\"}",
                ", \"campaign\": {\"id\": \"" + campaign + "\"}")
            .replace("\"channel\": {\"id\": \"yixun\"}, ", "");
    HttpResponse<String> pushed =
        presale.signedPost(
            "/api/v1/stores/" + store + "/productOrder", secret, body, clock.instant());
    assertThat(pushed.statusCode()).as(pushed.body()).isEqualTo(202);
    return read(pushed).path("id").asText();
  }

  @Test
  void aStoreListsItsOwnOrdersOnly() {
    HttpResponse<String> all =
        presale.signedGet("/api/v1/stores/yixun/productOrder", yixun, clock.instant());
    HttpResponse<String> pending =
        presale.signedGet(
            "/api/v1/stores/yixun/productOrder?state=pending", yixun, clock.instant());

    assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
    assertThat(all.headers().firstValue("X-Total-Count")).hasValue("2");
    assertThat(read(all).findValuesAsText("externalId"))
        .containsExactlyInAnyOrder("YX-SELF-1", "YX-SELF-2");
    assertThat(read(pending)).extracting(o -> o.path("id").asText()).containsExactly(paidOrder);
  }

  @Test
  void aStoreReadsOneOfItsOrdersButNeverAnotherStoresAndOnlyWithItsSignature() {
    HttpResponse<String> own =
        presale.signedGet("/api/v1/stores/yixun/productOrder/" + paidOrder, yixun, clock.instant());
    HttpResponse<String> foreign =
        presale.signedGet(
            "/api/v1/stores/yixun/productOrder/" + tmallOrder, yixun, clock.instant());
    HttpResponse<String> otherKey =
        presale.signedGet("/api/v1/stores/yixun/productOrder/" + paidOrder, tmall, clock.instant());
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    HttpResponse<String> replayed =
        engine.send(
            java.net.http.HttpRequest.newBuilder(
                    engine.uri("/api/v1/stores/yixun/productOrder/" + paidOrder))
                .header("X-Simbundle-Timestamp", timestamp)
                .header(
                    "X-Simbundle-Signature",
                    io.simbundle.provisioning.outbox.RequestSignature.sign(
                        yixun, timestamp, "/api/v1/stores/yixun/productOrder"))
                .GET()
                .build());

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(read(own).path("payment").path("amountPaidFen").asLong()).isEqualTo(5000);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(otherKey.statusCode()).isEqualTo(401);
    assertThat(replayed.statusCode()).as("a signature of another request target").isEqualTo(401);
  }

  @Test
  void aStoresDayIsReconciledInItsDropFolderAndOverItsSignature() throws IOException {
    HttpResponse<String> written =
        engine.adminPost("/admin/stores/yixun/reconciliation/2026-11-23", "");
    HttpResponse<String> read =
        presale.signedGet("/api/v1/stores/yixun/reconciliation/2026-11-23", yixun, clock.instant());

    assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
    Path file =
        engine
            .settings()
            .provisioning()
            .orderFiles()
            .resolve("yixun/reconciliation/reconciliation-2026-11-23.csv");
    String csv = Files.readString(file);
    assertThat(read.body()).isEqualTo(csv);
    List<String> lines = Arrays.asList(csv.split("\n"));
    assertThat(lines.get(0))
        .isEqualTo("type,at,productOrder,externalId,campaign,province,state,amountFen,reference");
    assertThat(lines).filteredOn(l -> l.startsWith("order,")).hasSize(2);
    assertThat(lines)
        .filteredOn(l -> l.startsWith("payment,"))
        .singleElement()
        .asString()
        .contains(paidOrder, "YX-SELF-1", ",5000,alipay-" + paidOrder);
    assertThat(lines).noneMatch(l -> l.contains("TM-SELF-1"));
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo("total,2026-11-23,,,,,,5000,paid 5000 refunded 0");
    assertThat(csv).doesNotContain("张三").doesNotContain("440106");
    assertThat(
            presale
                .signedGet("/api/v1/stores/yixun/reconciliation/2026-11-22", yixun, clock.instant())
                .body())
        .as("a day without business")
        .isEqualTo(
            "type,at,productOrder,externalId,campaign,province,state,amountFen,reference\n"
                + "total,2026-11-22,,,,,,0,paid 0 refunded 0\n");
  }

  @Test
  void aStoresDayListsTheMonthlyFeesOfTheCardsItSold() {
    // A day of its own, so that the other tests' days stay as they are.
    clock.set(Instant.parse("2026-11-24T08:00:00Z"));
    String idNumber = Presale.newIdNumber("19840404");
    String order =
        push("tmall", tmall, "TM-SELF-FEE", "tmall-card", "full", "tmall-flagship", idNumber);
    presale.pay(order, 5900);
    assertThat(presale.activate(order, "张三", idNumber, "taobao-free-traffic").statusCode())
        .isEqualTo(201);
    engine.engine().chargingSync().syncAll();
    engine.engine().subscriptions().chargeMonthlyFees(100);

    String csv =
        presale
            .signedGet("/api/v1/stores/tmall/reconciliation/2026-11-24", tmall, clock.instant())
            .body();
    clock.set(Instant.parse("2026-11-23T08:00:00Z"));

    assertThat(csv.split("\n"))
        .filteredOn(l -> l.startsWith("fee,"))
        .singleElement()
        .asString()
        .contains(order, "TM-SELF-FEE", ",completed,5900,2026-11 payable by order");
    assertThat(csv).endsWith("total,2026-11-24,,,,,,5900,paid 5900 refunded 0\n");
  }

  @Test
  void theOperatorReadsSalesPerStoreCampaignAndProvinceAsJsonAndCsv() {
    JsonNode json = read(engine.adminGet("/api/v1/reports/sales?from=2026-11-23&to=2026-11-23"));
    HttpResponse<String> csv =
        engine.adminGet("/api/v1/reports/sales?from=2026-11-23&to=2026-11-23&format=csv");
    HttpResponse<String> bad =
        engine.adminGet("/api/v1/reports/sales?from=2026-11-23&to=2026-11-01");

    assertThat(json).hasSize(2);
    JsonNode yixunRow = json.get(1);
    assertThat(yixunRow.path("channel").asText()).isEqualTo("yixun");
    assertThat(yixunRow.path("campaign").asText()).isEqualTo("yixun-wechat-wo-presale");
    assertThat(yixunRow.path("province").asText()).isEqualTo("GD");
    assertThat(yixunRow.path("orders").asLong()).isEqualTo(2);
    assertThat(yixunRow.path("paidFen").asLong()).isEqualTo(5000);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body())
        .isEqualTo(
            "channel,campaign,province,orders,cards,accepted,cancelled,activated,paidFen,"
                + "refundedFen\n"
                + "tmall,tmall-flagship,GD,1,1,1,0,0,0,0\n"
                + "yixun,yixun-wechat-wo-presale,GD,2,2,2,0,0,5000,0\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(engine.get("/api/v1/reports/sales?from=2026-11-23&to=2026-11-23").statusCode())
        .as("admin only")
        .isEqualTo(401);
  }
}
