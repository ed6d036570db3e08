package io.simbundle.provisioning.settlement;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each active subscription is charged its monthly fee once a cycle — paid with the order the month
 * it was activated, by the holder after, by the credit payer of a "0-yuan phone" always — and a
 * partner's monthly statement splits those fees between partner, integrator and operator by the
 * catalog version of the month, beside what the partner owes for the traffic it sponsored; the same
 * month always gives the same statement.
 */
@EngineTest
class PartnerStatementTest {

  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static final Instant DECEMBER = Instant.parse("2026-12-02T02:00:00Z");
  private static final long MB = 1024L * 1024L;
  private static TestEngine engine;
  private static Presale presale;
  private static String heldNumber;
  private static long suspended;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("partner_statement", clock);
    presale = new Presale(engine);
    presale.stock("GD", 99_000, 10);
    heldNumber = activated(paidOrder("{\"type\": \"full\"}")).path("msisdn").asText();
    activated(
        paidOrder("{\"type\": \"credit\", \"payer\": \"alipay\", \"authorizationId\": \"ZM-1\"}"));
    JsonNode toSuspend = activated(paidOrder("{\"type\": \"full\"}"));
    suspended = toSuspend.path("id").asLong();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static JsonNode paidOrder(String payment) {
    String idNumber = Presale.newIdNumber("19830303");
    JsonNode order =
        presale.placeAccepted(Presale.order("FEE-" + idNumber, idNumber, "wechat-wo", payment, ""));
    if (order.path("state").asText().equals("acknowledged")) {
      presale.pay(order.path("id").asText(), 3600);
    }
    return ((com.fasterxml.jackson.databind.node.ObjectNode) order).put("idNumber", idNumber);
  }

  private static JsonNode activated(JsonNode order) {
    HttpResponse<String> product =
        presale.activate(
            order.path("id").asText(),
            "张三",
            order.path("idNumber").asText(),
            "wechat-free-traffic");
    assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
    engine.engine().chargingSync().syncAll();
    return read(product);
  }

  private static List<String> feeEntries(long productId) {
    JsonNode history = read(engine.adminGet("/api/v1/audit/product/" + productId));
    return StreamSupport.stream(history.spliterator(), false)
        .map(e -> e.path("reason").asText())
        .filter(reason -> reason.startsWith("monthly fee"))
        .toList();
  }

  @Test
  void activeSubscriptionsAreChargedOnceACycleByWhoeverPaysAndAPartnerIsToldItsShare() {
    int november = engine.engine().subscriptions().chargeMonthlyFees(100);
    int again = engine.engine().subscriptions().chargeMonthlyFees(100);
    assertThat(
            engine
                .json(
                    "PATCH",
                    "/tmf-api/productInventory/v5/product/" + suspended,
                    "{\"status\": \"suspended\", \"statusReason\": \"unpaid\"}",
                    true)
                .statusCode())
        .isEqualTo(200);
    clock.set(DECEMBER);
    engine.engine().chargingSync().syncAll();
    int december = engine.engine().subscriptions().chargeMonthlyFees(100);
    presale.browse(heldNumber, 1000, 512 * MB);

    assertThat(List.of(november, again, december))
        .as("three in November, none twice, two in December (one is suspended)")
        .containsExactly(3, 0, 2);
    assertThat(feeEntries(suspended))
        .containsExactly("monthly fee of 3600 fen for 2026-11 (catalog 2026.11), payable by order");
    JsonNode statement = read(engine.adminGet("/api/v1/partners/tencent/statement/2026-12"));
    JsonNode share = statement.path("revenueShare").get(0);
    assertThat(share.path("product").asText()).isEqualTo("wechat-wo");
    assertThat(share.path("catalogVersion").asText()).isEqualTo("2026.11");
    assertThat(share.path("subscribers").asLong()).isEqualTo(2);
    assertThat(share.path("feesFen").asLong()).isEqualTo(7200);
    assertThat(share.path("partnerFen").asLong()).as("10 %").isEqualTo(720);
    assertThat(share.path("integrator").asText()).isEqualTo("asiainfo");
    assertThat(share.path("integratorFen").asLong()).as("5 %").isEqualTo(360);
    assertThat(share.path("operatorFen").asLong()).isEqualTo(6120);
    JsonNode sponsored = statement.path("sponsored").get(0);
    assertThat(sponsored.path("privilege").asText()).isEqualTo("wechat-free-traffic");
    assertThat(sponsored.path("sponsoredBytes").asLong()).isEqualTo(512 * MB);
    assertThat(sponsored.path("amountFen").asLong()).as("half a GB at 20 yuan").isEqualTo(1000);
    JsonNode totals = statement.path("totals");
    assertThat(totals.path("netToPartnerFen").asLong()).isEqualTo(720 - 1000);
    assertThat(
            read(engine.adminGet("/api/v1/partners/tencent/statement/2026-11"))
                .path("revenueShare")
                .get(0)
                .path("subscribers")
                .asLong())
        .isEqualTo(3);

    String csv = engine.adminGet("/api/v1/partners/tencent/statement/2026-12?format=csv").body();
    assertThat(csv.split("\n"))
        .containsExactly(
            "line,item,catalogVersion,subscribers,feesFen,partnerPercent,partnerFen,integrator,"
                + "integratorPercent,integratorFen,operatorFen,sponsoredBytes,fenPerGb,"
                + "sponsoredSeconds,fenPerMinute,sponsoredFen",
            "share,wechat-wo,2026.11,2,7200,10,720,asiainfo,5,360,6120,,,,,",
            "sponsored,wechat-free-traffic,2026.11,,,,,,,,," + (512 * MB) + ",2000,0,0,1000",
            "total,2026-12,,,7200,,720,,,360,6120,,,,,1000");
    assertThat(engine.adminGet("/api/v1/partners/tencent/statement/2026-12?format=csv").body())
        .as("the same month, the same figures")
        .isEqualTo(csv);
  }

  @Test
  void aMonthIsWrittenYyyyMm() {
    HttpResponse<String> bad = engine.adminGet("/api/v1/partners/tencent/statement/december");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(engine.get("/api/v1/partners/tencent/statement/2026-12").statusCode())
        .isEqualTo(401);
  }
}
