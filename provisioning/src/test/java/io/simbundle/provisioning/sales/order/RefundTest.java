package io.simbundle.provisioning.sales.order;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.CallbackReceiver;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TMF676 refunds of cancelled orders, from the back office and from a store's signed push: in
 * parts, never more than was paid, the same refund id returning the first refund, another store's
 * order unknown, a live order refused; a cancelled card that was shipped is quarantined.
 */
@EngineTest
class RefundTest {

  private static final String REFUNDS = "/tmf-api/paymentManagement/v5/refund";
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static TestEngine engine;
  private static Presale presale;
  private static CallbackReceiver store;
  private static String secret;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("refunds", clock);
    presale = new Presale(engine);
    presale.stock("GD", 95_000, 12);
    store = CallbackReceiver.start();
    secret = presale.onboardStore("yixun", store.uri(), "yixun-wechat-wo-presale");
  }

  @AfterAll
  static void stop() {
    store.close();
    engine.close();
  }

  /** A WeChat Wo order of the Yixun channel, paid in full (3600 fen), then cancelled. */
  private static String cancelledPaidOrder() {
    String id = presale.paidWeChatWoOrder(Presale.newIdNumber("19870707")).path("id").asText();
    assertThat(presale.cancel(id, "buyer changed their mind").statusCode()).isEqualTo(201);
    return id;
  }

  private static String refundBody(String refundId, String order, long amountFen) {
    return """
        {"correlatorId": "%s", "productOrder": {"id": "%s"}, "amountFen": %d, "reason": "cancelled"}
        """
        .formatted(refundId, order, amountFen);
  }

  private static HttpResponse<String> backOffice(String refundId, String order, long amountFen) {
    return engine.adminPost(REFUNDS, refundBody(refundId, order, amountFen));
  }

  private static HttpResponse<String> byStore(
      String storeId, String key, String refundId, String order, long amountFen) {
    return presale.signedPost(
        "/api/v1/stores/" + storeId + "/refund",
        key,
        refundBody(refundId, order, amountFen),
        clock.instant());
  }

  private static JsonNode order(String id) {
    return read(engine.adminGet(Presale.ORDERS + "/" + id));
  }

  @Test
  void aCancelledOrderIsRefundedInPartsAndNeverBeyondWhatWasPaid() {
    String id = cancelledPaidOrder();

    HttpResponse<String> first = backOffice("BO-R1", id, 1000);
    HttpResponse<String> second = byStore("yixun", secret, "YX-R1", id, 2600);
    HttpResponse<String> more = backOffice("BO-R2", id, 1);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(first.headers().firstValue("Location")).hasValue(read(first).path("href").asText());
    assertThat(read(first).path("kind").asText()).isEqualTo("cancelledOrder");
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    assertThat(more.statusCode()).isEqualTo(409);
    assertThat(read(more).path("type").asText()).endsWith("refund-exceeds-payments");
    assertThat(order(id).path("payment").path("amountRefundedFen").asLong()).isEqualTo(3600);
    JsonNode listed = read(engine.adminGet(REFUNDS + "?productOrder=" + id));
    assertThat(
            StreamSupport.stream(listed.spliterator(), false)
                .map(r -> r.path("correlatorId").asText()))
        .containsExactly("BO-R1", "YX-R1");
    assertThat(read(engine.adminGet("/api/v1/audit/productOrder/" + id)).findValuesAsText("reason"))
        .anyMatch(
            reason ->
                reason.startsWith("refund ")
                    && reason.endsWith("(3600 of 3600 fen paid now refunded)"));
    engine.engine().outbox().deliverDue();
    assertThat(store.received())
        .filteredOn(r -> r.body().contains(id))
        .extracting(r -> r.header("X-Simbundle-Kind"))
        .endsWith("order.cancelled", "order.refunded", "order.refunded");
  }

  @Test
  void aRefundIdAskedAgainReturnsTheFirstRefundAndCannotBeReusedForAnother() {
    String id = cancelledPaidOrder();
    HttpResponse<String> first = byStore("yixun", secret, "YX-SAME", id, 1000);

    HttpResponse<String> again = byStore("yixun", secret, "YX-SAME", id, 1000);
    HttpResponse<String> other = byStore("yixun", secret, "YX-SAME", id, 2000);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(read(again).path("id").asText()).isEqualTo(read(first).path("id").asText());
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(read(other).path("type").asText()).endsWith("refund-id-reused");
    assertThat(order(id).path("payment").path("amountRefundedFen").asLong()).isEqualTo(1000);
  }

  @Test
  void aStoreRefundsOnlyItsOwnOrdersAndOnlyWithItsSignature() {
    String tmallSecret = presale.onboardStore("tmall", store.uri(), "tmall-flagship");
    String id = cancelledPaidOrder();

    HttpResponse<String> foreign = byStore("tmall", tmallSecret, "TM-R1", id, 1000);
    HttpResponse<String> forged = byStore("yixun", tmallSecret, "YX-FORGED", id, 1000);
    HttpResponse<String> found = engine.adminGet(REFUNDS + "/" + "NOSUCHREFUND");

    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(read(foreign).path("detail").asText()).isEqualTo("no order " + id);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(found.statusCode()).isEqualTo(404);
    assertThat(order(id).path("payment").path("amountRefundedFen").asLong()).isZero();
  }

  @Test
  void aLiveOrderIsNotRefundedAndBadRequestsNameWhatIsWrong() {
    String live = presale.paidWeChatWoOrder(Presale.newIdNumber("19870707")).path("id").asText();

    HttpResponse<String> refused = backOffice("BO-LIVE", live, 1000);
    HttpResponse<String> unknown = backOffice("BO-UNKNOWN", "NOSUCHORDER1", 1000);
    HttpResponse<String> bad = engine.adminPost(REFUNDS, "{\"productOrder\": {\"id\": 7}}");

    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(read(refused).path("detail").asText()).contains("it is refunded once cancelled");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(read(bad).path("invalidParams").findValuesAsText("name"))
        .containsExactly("correlatorId", "productOrder.id", "amountFen", "reason");
  }

  @Test
  void aShippedCardOfACancelledOrderIsQuarantinedNotResold() {
    String id = presale.paidWeChatWoOrder(Presale.newIdNumber("19870707")).path("id").asText();
    assertThat(
            engine
                .adminPost(
                    Presale.ORDERS + "/" + id + "/shipment",
                    "{\"carrier\": \"SF Express\", \"trackingNumber\": \"SF1\"}")
                .statusCode())
        .isEqualTo(201);
    long before = quarantinedCards();

    presale.cancel(id, "parcel refused");

    assertThat(quarantinedCards()).isEqualTo(before + 1);
  }

  private static long quarantinedCards() {
    JsonNode levels = read(engine.adminGet("/api/v1/inventory/stock"));
    return StreamSupport.stream(levels.spliterator(), false)
        .filter(l -> l.path("kind").asText().equals("SIM_CARD"))
        .mapToLong(l -> l.path("quarantined").asLong())
        .sum();
  }
}
