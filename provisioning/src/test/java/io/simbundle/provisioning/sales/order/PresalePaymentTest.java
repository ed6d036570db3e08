package io.simbundle.provisioning.sales.order;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.CallbackReceiver;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presales with a deposit and a final payment, over the real API: Tmall's Double-11 (a deposit
 * during the presale, the rest on the day) and Yixun's rolling presale (the rest within 15 days,
 * the deposit paid back in this catalog if the rest never comes). The stores hear every step.
 */
@EngineTest
class PresalePaymentTest {

  private static final Instant DURING_PRESALE = Instant.parse("2026-11-05T02:00:00Z");
  private static final Instant DOUBLE_11_OPENS = Instant.parse("2026-11-10T16:00:00Z");
  private static final Instant DOUBLE_11_CLOSES = Instant.parse("2026-11-11T16:00:00Z");
  private static final String DOUBLE_11 = ", \"campaign\": {\"id\": \"tmall-double-11-presale\"}";
  private static final String YIXUN = ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}";
  private static final String DEPOSIT = "{\"type\": \"deposit\"}";

  private static final MutableClock clock = new MutableClock(DURING_PRESALE);
  private static TestEngine engine;
  private static Presale presale;
  private static CallbackReceiver stores;

  @BeforeAll
  static void start() {
    engine =
        TestEngine.start(
            TestDatabase.newSchemaSettings("presale_payment"),
            Optional.of(
                Presale.demoCatalogAs(
                    "2026.11-deposits-back",
                    "unpaidDeposit: KEPT\n    whenPartnerSilent: TREAT_AS_EXISTING",
                    "unpaidDeposit: REFUNDED\n    whenPartnerSilent: TREAT_AS_EXISTING")),
            clock,
            Optional.empty());
    presale = new Presale(engine);
    presale.stock("GD", 80_000, 20);
    stores = CallbackReceiver.start();
    presale.onboardStore("tmall", stores.uri(), "tmall-double-11-presale");
    presale.onboardStore("yixun", stores.uri(), "yixun-wechat-wo-presale");
  }

  @AfterAll
  static void stop() {
    stores.close();
    engine.close();
  }

  private static JsonNode double11Order(String externalId) {
    return presale.placeAccepted(
        Presale.order(externalId, Presale.newIdNumber("19950505"), "tmall-card", DEPOSIT, DOUBLE_11)
            .replace("\"yixun\"", "\"tmall\""));
  }

  private static JsonNode paid(String orderId, long amountFen) {
    HttpResponse<String> paid = presale.pay(orderId, amountFen);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    return read(paid).path("productOrder");
  }

  /** What the store was told of an order, in order: each callback's kind. */
  private static List<String> toldAbout(String orderId) {
    engine.engine().outbox().deliverDue();
    return stores.received().stream()
        .filter(r -> r.body().contains(orderId))
        .map(r -> r.header("X-Simbundle-Kind"))
        .toList();
  }

  private static JsonNode lastToldAbout(String orderId) {
    toldAbout(orderId);
    return read(
        stores.received().stream()
            .filter(r -> r.body().contains(orderId))
            .reduce((first, second) -> second)
            .orElseThrow()
            .body());
  }

  @Test
  void onDouble11TheDepositHoldsTheCardAndTheRestIsPaidOnTheDay() {
    clock.set(DURING_PRESALE);
    JsonNode order = double11Order("TM-D11-1");
    String id = order.path("id").asText();
    JsonNode terms = order.path("payment");

    assertThat(terms.path("amountDueFen").asLong()).isEqualTo(5900);
    assertThat(terms.path("depositFen").asLong()).isEqualTo(2000);
    assertThat(terms.path("finalPaymentFen").asLong()).isEqualTo(3900);
    assertThat(Instant.parse(terms.path("finalPaymentOpens").asText())).isEqualTo(DOUBLE_11_OPENS);
    assertThat(terms.path("unpaidDeposit").asText()).isEqualTo("kept");
    HttpResponse<String> whole =
        presale.place(
            Presale.order(
                    "TM-D11-FULL",
                    Presale.newIdNumber("19950505"),
                    "tmall-card",
                    "{\"type\": \"full\"}",
                    DOUBLE_11)
                .replace("\"yixun\"", "\"tmall\""));
    assertThat(whole.statusCode()).isEqualTo(400);
    assertThat(read(whole).path("detail").asText()).contains("takes a deposit of 2000 fen");

    JsonNode deposit = paid(id, 2000);
    HttpResponse<String> early = presale.pay(id, 3900);

    assertThat(deposit.path("state").asText()).isEqualTo("pending");
    assertThat(Instant.parse(deposit.path("reservedUntil").asText())).isEqualTo(DOUBLE_11_CLOSES);
    assertThat(early.statusCode()).isEqualTo(409);
    assertThat(read(early).path("type").asText()).endsWith("final-payment-not-open");
    JsonNode toldPending = lastToldAbout(id);
    assertThat(toldPending.path("state").asText()).isEqualTo("pending");
    assertThat(toldPending.path("payment").path("finalPaymentFen").asLong()).isEqualTo(3900);

    clock.set(DOUBLE_11_OPENS.plus(Duration.ofHours(1)));
    JsonNode rest = paid(id, 3900);

    assertThat(rest.path("state").asText()).isEqualTo("inProgress");
    assertThat(rest.path("payment").path("amountPaidFen").asLong()).isEqualTo(5900);
    assertThat(toldAbout(id))
        .containsExactly("order.acknowledged", "order.pending", "order.inProgress");
  }

  @Test
  void aFinalPaymentThatNeverComesLapsesTheOrderKeepsTheDepositAndFreesTheNumber() {
    clock.set(DURING_PRESALE);
    JsonNode order = double11Order("TM-D11-2");
    String id = order.path("id").asText();
    String number = order.path("productOrderItem").get(0).path("product").path("msisdn").asText();
    paid(id, 2000);

    clock.set(DOUBLE_11_CLOSES.plusSeconds(1));
    int lapsed = engine.engine().orders().expireUnpaid();

    JsonNode after = read(engine.adminGet(Presale.ORDERS + "/" + id));
    assertThat(lapsed).isGreaterThanOrEqualTo(1);
    assertThat(after.path("state").asText()).isEqualTo("cancelled");
    assertThat(after.path("stateReason").asText())
        .startsWith("final payment not made by " + DOUBLE_11_CLOSES + "; deposit of 2000 fen kept");
    assertThat(after.path("payment").path("amountRefundedFen").asLong()).isZero();
    assertThat(read(engine.adminGet("/tmf-api/paymentManagement/v5/refund?productOrder=" + id)))
        .isEmpty();
    assertThat(toldAbout(id))
        .containsExactly("order.acknowledged", "order.pending", "order.cancelled");
    JsonNode again =
        presale.placeAccepted(
            Presale.weChatWoOrder("number-again", Presale.newIdNumber("19950505"))
                .replace(
                    "\"productOffering\": {\"id\": \"wechat-wo\"}",
                    "\"productOffering\": {\"id\": \"wechat-wo\"}, \"product\": {\"msisdn\": \""
                        + number
                        + "\"}"));
    assertThat(again.path("productOrderItem").get(0).path("product").path("msisdn").asText())
        .as("the lapsed order's number is on sale again")
        .isEqualTo(number);
  }

  @Test
  void aCampaignThatPaysUnpaidDepositsBackRecordsTheRefundAndTellsTheStore() {
    clock.set(DURING_PRESALE);
    JsonNode order =
        presale.placeAccepted(
            Presale.order(
                "YX-DEP-1", Presale.newIdNumber("19950505"), "wechat-wo", DEPOSIT, YIXUN));
    String id = order.path("id").asText();
    assertThat(order.path("payment").path("unpaidDeposit").asText()).isEqualTo("refunded");
    assertThat(paid(id, 5000).path("state").asText()).isEqualTo("pending");

    clock.set(DURING_PRESALE.plus(Duration.ofDays(15)).plusSeconds(1));
    engine.engine().orders().expireUnpaid();

    JsonNode after = read(engine.adminGet(Presale.ORDERS + "/" + id));
    JsonNode refunds =
        read(engine.adminGet("/tmf-api/paymentManagement/v5/refund?productOrder=" + id));
    assertThat(after.path("state").asText()).isEqualTo("cancelled");
    assertThat(after.path("stateReason").asText()).contains("deposit of 5000 fen to be refunded");
    assertThat(after.path("payment").path("amountRefundedFen").asLong()).isEqualTo(5000);
    assertThat(refunds).hasSize(1);
    assertThat(refunds.get(0).path("kind").asText()).isEqualTo("unpaidDeposit");
    assertThat(refunds.get(0).path("amountFen").asLong()).isEqualTo(5000);
    assertThat(toldAbout(id))
        .containsExactly(
            "order.acknowledged", "order.pending", "order.cancelled", "order.refunded");
    assertThat(lastToldAbout(id).path("refund").path("kind").asText()).isEqualTo("unpaidDeposit");
  }
}
