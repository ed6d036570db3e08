package io.simbundle.provisioning.sales.order;

import static io.simbundle.provisioning.Presale.ORDERS;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every state an order can reach over the TMF622 API, and every refusal on the way. */
@EngineTest
class OrderLifecycleTest {

  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("order_lifecycle", clock);
    presale = new Presale(engine);
    presale.stock("GD", 10_000, 40);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static String id(JsonNode order) {
    return order.path("id").asText();
  }

  private static JsonNode history(String orderId) {
    return read(engine.adminGet("/api/v1/audit/productOrder/" + orderId));
  }

  @Test
  void acceptedOrderHoldsANumberAndACardUntilPaidInFull() {
    JsonNode order =
        presale.placeAccepted(Presale.weChatWoOrder("pay-1", Presale.newIdNumber("19900101")));
    assertThat(order.path("state").asText()).isEqualTo("acknowledged");
    assertThat(Instant.parse(order.path("reservedUntil").asText()))
        .isEqualTo(Instant.parse(order.path("creationDate").asText()).plus(Duration.ofMinutes(30)));
    assertThat(order.path("payment").path("amountDueFen").asLong()).isEqualTo(3600);
    assertThat(order.path("buyer").path("name").asText()).isEqualTo("张*");
    assertThat(order.path("buyer").path("idNumber").asText()).matches("4401\\*{10}\\d{3}[0-9X]");
    JsonNode product = order.path("productOrderItem").get(0).path("product");
    assertThat(product.path("msisdn").asText()).startsWith("86186");
    assertThat(product.path("iccid").asText()).startsWith("898601");

    JsonNode partly = read(presale.pay(id(order), 1000)).path("productOrder");
    JsonNode paid = read(presale.pay(id(order), 2600)).path("productOrder");

    assertThat(partly.path("state").asText()).isEqualTo("acknowledged");
    assertThat(paid.path("state").asText()).isEqualTo("inProgress");
    assertThat(paid.path("payment").path("amountPaidFen").asLong()).isEqualTo(3600);
    assertThat(paid.has("reservedUntil")).isFalse();
    assertThat(history(id(order)).findValuesAsText("to"))
        .containsExactly("acknowledged", "acknowledged", "inProgress");
    assertThat(history(id(order)).get(2).path("actor").asText()).isEqualTo("admin:operator");
    assertThat(history(id(order)).get(2).path("reason").asText()).contains("paid in full");
  }

  @Test
  void cancellingReleasesTheNumberAndCardForTheNextBuyer() {
    JsonNode order =
        presale.placeAccepted(Presale.weChatWoOrder("cancel-1", Presale.newIdNumber("19900101")));
    String number = order.path("productOrderItem").get(0).path("product").path("msisdn").asText();

    HttpResponse<String> cancelled = presale.cancel(id(order), "buyer changed mind");
    String picked =
        Presale.order(
                "cancel-2",
                Presale.newIdNumber("19900101"),
                "wechat-wo",
                "{\"type\": \"full\"}",
                "")
            .replace(
                "\"productOffering\": {\"id\": \"wechat-wo\"}",
                "\"productOffering\": {\"id\": \"wechat-wo\"}, \"product\": {\"msisdn\": \""
                    + number
                    + "\"}");
    JsonNode next = presale.placeAccepted(picked);

    assertThat(cancelled.statusCode()).isEqualTo(201);
    assertThat(read(cancelled).path("productOrder").path("state").asText()).isEqualTo("cancelled");
    assertThat(read(cancelled).path("productOrder").path("stateReason").asText())
        .startsWith("buyer changed mind; released " + number);
    assertThat(next.path("productOrderItem").get(0).path("product").path("msisdn").asText())
        .isEqualTo(number);
    HttpResponse<String> payAfterCancel = presale.pay(id(order), 3600);
    assertThat(payAfterCancel.statusCode()).isEqualTo(409);
    assertThat(read(payAfterCancel).path("detail").asText())
        .isEqualTo("order " + id(order) + " is cancelled and takes no payment");
  }

  @Test
  void unpaidOrderIsCancelledByTheSystemWhenItsWindowPasses() {
    JsonNode order =
        presale.placeAccepted(Presale.weChatWoOrder("expire-1", Presale.newIdNumber("19900101")));

    clock.advance(Duration.ofMinutes(31));
    int expired = engine.engine().orders().expireUnpaid();

    JsonNode after = read(engine.adminGet(ORDERS + "/" + id(order)));
    assertThat(expired).isGreaterThanOrEqualTo(1);
    assertThat(after.path("state").asText()).isEqualTo("cancelled");
    assertThat(after.path("stateReason").asText()).startsWith("not paid by ");
    assertThat(after.path("productOrderItem").get(0).path("product").has("msisdn")).isFalse();
    JsonNode last = history(id(order)).get(1);
    assertThat(last.path("actor").asText()).isEqualTo("system");
    assertThat(last.path("from").asText()).isEqualTo("acknowledged");
  }

  @Test
  void creditPaymentNeedsThePayersAuthorizationAndSkipsWaiting() {
    String idNumber = Presale.newIdNumber("19900101");
    HttpResponse<String> withoutAuthorization =
        presale.place(
            Presale.order("credit-0", idNumber, "wechat-wo", "{\"type\": \"credit\"}", ""));
    JsonNode credit =
        presale.placeAccepted(
            Presale.order(
                "credit-1",
                idNumber,
                "wechat-wo",
                "{\"type\": \"credit\", \"payer\": \"alipay\", \"authorizationId\": \"ZM-778\"}",
                ""));

    assertThat(withoutAuthorization.statusCode()).isEqualTo(400);
    assertThat(read(withoutAuthorization).path("detail").asText())
        .isEqualTo("credit payment needs the payer and its authorization reference");
    assertThat(credit.path("state").asText()).isEqualTo("inProgress");
    assertThat(credit.path("payment").path("amountDueFen").asLong()).isZero();
    assertThat(credit.path("payment").path("payer").asText()).isEqualTo("alipay");
    assertThat(history(id(credit)).findValuesAsText("to"))
        .containsExactly("acknowledged", "inProgress");
  }

  @Test
  void depositIsTakenOnlyInACampaignThatAsksForOne() {
    String campaign = ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}";
    String idNumber = Presale.newIdNumber("19900101");

    HttpResponse<String> outside =
        presale.place(
            Presale.order("deposit-0", idNumber, "wechat-wo", "{\"type\": \"deposit\"}", ""));
    JsonNode presaleOrder =
        presale.placeAccepted(
            Presale.order("deposit-1", idNumber, "wechat-wo", "{\"type\": \"deposit\"}", campaign));

    assertThat(outside.statusCode()).isEqualTo(400);
    assertThat(presaleOrder.path("payment").path("amountDueFen").asLong()).isEqualTo(10_000);
    assertThat(presaleOrder.path("payment").path("depositFen").asLong()).isEqualTo(5000);
    assertThat(presaleOrder.path("campaign").path("id").asText())
        .isEqualTo("yixun-wechat-wo-presale");
  }

  @Test
  void rulesRejectionIsKeptWithItsReasonsAndAnswered422() {
    HttpResponse<String> response =
        presale.place(
            Presale.weChatWoOrder("minor-1", Presale.newIdNumber("20150101"))
                .replace("\"GD\"", "\"BJ\""));

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode problem = read(response);
    assertThat(problem.path("reasons").findValuesAsText("code"))
        .containsExactlyInAnyOrder("TOO_YOUNG", "PROVINCE_NOT_SERVED");
    JsonNode stored = read(engine.adminGet(ORDERS + "/" + problem.path("productOrder").asText()));
    assertThat(stored.path("state").asText()).isEqualTo("rejected");
    assertThat(stored.path("refusals").findValuesAsText("code")).contains("TOO_YOUNG");
    assertThat(stored.path("productOrderItem").get(0).path("product").has("msisdn")).isFalse();
  }

  @Test
  void theSameStoreOrderTwiceReturnsTheFirstAndCreatesNothing() {
    String body = Presale.weChatWoOrder("twice-1", Presale.newIdNumber("19900101"));

    HttpResponse<String> first = presale.place(body);
    HttpResponse<String> second = presale.place(body);

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(id(read(second))).isEqualTo(id(read(first)));
  }

  @Test
  void ordersAreListedByChannelAndStateWithTheirTotal() {
    presale.placeAccepted(Presale.weChatWoOrder("list-1", Presale.newIdNumber("19900101")));

    HttpResponse<String> page =
        engine.adminGet(ORDERS + "?channel=yixun&state=acknowledged&limit=1");
    HttpResponse<String> badState = engine.adminGet(ORDERS + "?state=shipped");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(read(page)).hasSize(1);
    assertThat(read(page).get(0).path("state").asText()).isEqualTo("acknowledged");
    assertThat(Long.parseLong(page.headers().firstValue("X-Total-Count").orElseThrow()))
        .isGreaterThanOrEqualTo(1);
    assertThat(badState.statusCode()).isEqualTo(400);
  }

  @Test
  void invalidOrderNamesEveryBadFieldAndUnknownOrderIs404() {
    HttpResponse<String> invalid =
        presale.place(
            """
            {"channel": {"id": "yixun"}, "place": {"id": "ZZ"},
             "productOrderItem": [], "payment": {"type": "cash"}}
            """);
    HttpResponse<String> unknown = engine.adminGet(ORDERS + "/NOSUCHORDER1");
    HttpResponse<String> anonymous = engine.json("GET", ORDERS + "/NOSUCHORDER1", null, false);

    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(read(invalid).path("invalidParams").findValuesAsText("name"))
        .contains("place.id", "buyer.name", "buyer.idNumber", "productOrderItem", "payment.type");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> tooLong =
        presale.place(
            Presale.weChatWoOrder("x".repeat(65), Presale.newIdNumber("19900101"))
                .replace("张三", "张".repeat(65)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(read(tooLong).path("invalidParams").findValuesAsText("name"))
        .containsExactlyInAnyOrder("externalId", "buyer.name");
  }

  @Test
  void aPaidOrderCanStillBeCancelledButNotPaidWithNothing() {
    JsonNode order =
        presale.placeAccepted(
            Presale.weChatWoOrder("paid-cancel", Presale.newIdNumber("19900101")));

    HttpResponse<String> nothing = presale.pay(id(order), 0);
    presale.pay(id(order), 3600);
    HttpResponse<String> cancelled = presale.cancel(id(order), "refunded");

    assertThat(nothing.statusCode()).isEqualTo(400);
    assertThat(cancelled.statusCode()).isEqualTo(201);
    assertThat(history(id(order)).findValuesAsText("to"))
        .containsExactly("acknowledged", "inProgress", "cancelled");
  }

  @Test
  void onlyAPaidOrderIsShippedAndOnlyOnce() {
    JsonNode order =
        presale.placeAccepted(Presale.weChatWoOrder("ship-1", Presale.newIdNumber("19900101")));
    String shipment = "{\"carrier\": \"SF\", \"trackingNumber\": \"SF1234567890\"}";
    String path = ORDERS + "/" + id(order) + "/shipment";

    HttpResponse<String> unpaid = engine.adminPost(path, shipment);
    presale.pay(id(order), 3600);
    HttpResponse<String> shipped = engine.adminPost(path, shipment);
    HttpResponse<String> again = engine.adminPost(path, shipment);

    assertThat(unpaid.statusCode()).isEqualTo(409);
    assertThat(shipped.statusCode()).isEqualTo(201);
    assertThat(read(shipped).path("shipment").path("trackingNumber").asText())
        .isEqualTo("SF1234567890");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(read(again).path("detail").asText()).endsWith("is shipped already");
    assertThat(history(id(order)).get(2).path("reason").asText())
        .isEqualTo("shipped by SF, tracking SF1234567890");
  }
}
