package io.simbundle.provisioning.subscription;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A card that comes back: returned within its window it is refunded and its subscription ends; an
 * ended subscription's number rests 90 days in quarantine and is then sold again to someone else,
 * its card retired for good.
 */
@EngineTest
class CardReturnTest {

  private static final String PRODUCTS = "/tmf-api/productInventory/v5/product";
  private static final String REFUNDS = "/tmf-api/paymentManagement/v5/refund";
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("card_return", clock);
    presale = new Presale(engine);
    presale.stock("GD", 90_000, 10);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  /** A WeChat Wo card bought, paid (3600 fen) and activated; its product. */
  private static JsonNode activated(String idNumber) {
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    HttpResponse<String> product =
        presale.activate(order.path("id").asText(), "张三", idNumber, "free-games");
    assertThat(product.statusCode()).as(product.body()).isEqualTo(201);
    engine.engine().chargingSync().syncAll();
    return read(product);
  }

  private static HttpResponse<String> refund(String order, String refundId, long amountFen) {
    return engine.adminPost(
        REFUNDS,
        """
        {"correlatorId": "%s", "productOrder": {"id": "%s"}, "amountFen": %d,
         "reason": "returned within 7 days"}
        """
            .formatted(refundId, order, amountFen));
  }

  private static List<String> numberHistory(String msisdn) {
    JsonNode history =
        read(engine.adminGet("/api/v1/inventory/phoneNumber/" + msisdn + "/history"));
    return StreamSupport.stream(history.spliterator(), false)
        .map(e -> e.path("from").asText() + ">" + e.path("to").asText())
        .toList();
  }

  private static long stock(String kind, String status) {
    JsonNode levels = read(engine.adminGet("/api/v1/inventory/stock"));
    return StreamSupport.stream(levels.spliterator(), false)
        .filter(l -> l.path("kind").asText().equals(kind))
        .mapToLong(l -> l.path(status).asLong())
        .sum();
  }

  private static boolean barred(String msisdn) {
    return engine.engine().charging().balance(msisdn).orElseThrow().barred();
  }

  @Test
  void aCardReturnedInItsWindowIsRefundedAndItsNumberComesBackAfterTheQuarantine() {
    String idNumber = Presale.newIdNumber("19880808");
    JsonNode product = activated(idNumber);
    String order = product.path("productOrderItem").get(0).path("productOrderId").asText();
    String msisdn = product.path("msisdn").asText();
    long retiredBefore = stock("SIM_CARD", "retired");
    clock.advance(Duration.ofDays(6));

    HttpResponse<String> returned = refund(order, "RET-1", 3600);

    assertThat(returned.statusCode()).as(returned.body()).isEqualTo(201);
    assertThat(read(returned).path("kind").asText()).isEqualTo("returnedCard");
    JsonNode ended = read(engine.adminGet(PRODUCTS + "/" + product.path("id").asText()));
    assertThat(ended.path("status").asText()).isEqualTo("terminated");
    assertThat(barred(msisdn)).as("its traffic is barred").isTrue();
    assertThat(numberHistory(msisdn)).containsExactly("assigned>quarantined");
    assertThat(stock("SIM_CARD", "retired")).isEqualTo(retiredBefore + 1);
    assertThat(refund(order, "RET-1", 3600).statusCode()).as("a repeat").isEqualTo(200);

    clock.advance(Duration.ofDays(89));
    assertThat(engine.engine().inventory().endQuarantines(clock.instant(), 100)).isEmpty();
    clock.advance(Duration.ofDays(1));
    assertThat(engine.engine().inventory().endQuarantines(clock.instant(), 100))
        .containsExactly(msisdn);
    assertThat(numberHistory(msisdn))
        .containsExactly("assigned>quarantined", "quarantined>available");

    String nextHolder = Presale.newIdNumber("19900909");
    JsonNode resold =
        presale.placeAccepted(
            Presale.weChatWoOrder("resold-" + msisdn, nextHolder)
                .replace(
                    "\"productOffering\": {\"id\": \"wechat-wo\"}",
                    "\"productOffering\": {\"id\": \"wechat-wo\"}, \"product\": {\"msisdn\": \""
                        + msisdn
                        + "\"}"));
    presale.pay(resold.path("id").asText(), 3600);
    HttpResponse<String> second =
        presale.activate(resold.path("id").asText(), "张三", nextHolder, "free-emoticons");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    engine.engine().chargingSync().syncAll();
    assertThat(barred(msisdn)).as("the new holder's traffic flows").isFalse();
    assertThat(read(engine.adminGet(PRODUCTS + "?msisdn=" + msisdn)))
        .extracting(p -> p.path("status").asText())
        .containsExactly("active", "terminated");
  }

  @Test
  void aCardIsNotTakenBackAfterItsReturnWindow() {
    JsonNode product = activated(Presale.newIdNumber("19880808"));
    String order = product.path("productOrderItem").get(0).path("productOrderId").asText();
    clock.advance(Duration.ofDays(7));

    HttpResponse<String> late = refund(order, "RET-LATE", 3600);

    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(read(late).path("type").asText()).endsWith("return-window-closed");
    assertThat(
            read(engine.adminGet(PRODUCTS + "/" + product.path("id").asText()))
                .path("status")
                .asText())
        .isEqualTo("active");
    assertThat(
            read(engine.adminGet(Presale.ORDERS + "/" + order))
                .path("payment")
                .path("amountRefundedFen")
                .asLong())
        .isZero();
  }

  @Test
  void aTerminatedSubscriptionsNumberRestsInQuarantine() {
    JsonNode product = activated(Presale.newIdNumber("19880808"));
    String msisdn = product.path("msisdn").asText();

    HttpResponse<String> ended =
        engine.json(
            "PATCH",
            PRODUCTS + "/" + product.path("id").asText(),
            "{\"status\": \"terminated\", \"statusReason\": \"holder left\"}",
            true);

    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
    assertThat(numberHistory(msisdn)).containsExactly("assigned>quarantined");
    JsonNode entry =
        read(engine.adminGet("/api/v1/inventory/phoneNumber/" + msisdn + "/history")).get(0);
    assertThat(entry.path("reason").asText())
        .isEqualTo("holder left; on sale again from " + clock.instant().plus(Duration.ofDays(90)));
  }
}
