package io.simbundle.provisioning.sales.order;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.CallbackReceiver;
import io.simbundle.provisioning.PersonalDataLeaks;
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
 * A family's order of several cards in Tmall's flagship store (five a buyer, five an order): one
 * buyer, a holder per card, reserved whole or not at all, paid and shipped as one, each card
 * activated by its own holder; every card counts against the buyer's campaign limit.
 */
@EngineTest
class SeveralCardsOrderTest {

  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static final String FLAGSHIP = "tmall-flagship";
  private static final long FEE = 5900;
  private static TestEngine engine;
  private static Presale presale;
  private static CallbackReceiver store;
  private static String secret;
  private static PersonalDataLeaks leaks;

  @BeforeAll
  static void start() {
    leaks = PersonalDataLeaks.watch();
    engine = TestEngine.start("several-cards", clock);
    presale = new Presale(engine);
    presale.stock("GD", 96_000, 30);
    // Shanghai has two numbers and cards only: an order of three finds the third missing.
    presale.stock("SH", 96_100, 2);
    store = CallbackReceiver.start();
    secret = presale.onboardStore("tmall", store.uri(), FLAGSHIP);
  }

  @AfterAll
  static void stop() {
    store.close();
    engine.close();
    leaks.close();
  }

  /** A card of an order: for the buyer ({@code null} holder) or for a holder of its own. */
  private record Card(String holderName, String holderId) {
    static Card forBuyer() {
      return new Card(null, null);
    }

    String json() {
      String holder =
          holderName == null
              ? ""
              : ", \"holder\": {\"name\": \"%s\", \"idNumber\": \"%s\"}"
                  .formatted(holderName, holderId);
      return "{\"action\": \"add\", \"productOffering\": {\"id\": \"tmall-card\"}" + holder + "}";
    }
  }

  private static String order(String externalId, String province, String buyerId, Card... cards) {
    return """
        {"externalId": "%s", "channel": {"id": "tmall"}, "place": {"id": "%s"},
         "campaign": {"id": "%s"}, "buyer": {"name": "王芳", "idNumber": "%s"},
         "productOrderItem": [%s], "payment": {"type": "full"}}
        """
        .formatted(
            externalId,
            province,
            FLAGSHIP,
            buyerId,
            String.join(", ", List.of(cards).stream().map(Card::json).toList()));
  }

  private static HttpResponse<String> place(String body) {
    return engine.adminPost(Presale.ORDERS, body);
  }

  private static JsonNode get(String id) {
    HttpResponse<String> response = engine.adminGet(Presale.ORDERS + "/" + id);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return read(response);
  }

  private static List<JsonNode> items(JsonNode order) {
    return StreamSupport.stream(order.path("productOrderItem").spliterator(), false).toList();
  }

  private static long available(String kind, String province) {
    JsonNode levels = read(engine.adminGet("/api/v1/inventory/stock"));
    return StreamSupport.stream(levels.spliterator(), false)
        .filter(l -> l.path("kind").asText().equals(kind))
        .filter(l -> l.path("province").asText().equals(province))
        .mapToLong(l -> l.path("available").asLong())
        .sum();
  }

  @Test
  void aFamilysCardsArePlacedPaidAndShippedAsOneOrderAndEachIsActivatedByItsHolder() {
    String mother = Presale.newIdNumber("19800101");
    String daughter = Presale.newIdNumber("20040606");
    String son = Presale.newIdNumber("20070707");

    HttpResponse<String> placed =
        place(
            order(
                "TM-FAMILY-1",
                "GD",
                mother,
                Card.forBuyer(),
                new Card("李娜", daughter),
                new Card("李强", son)));

    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(201);
    JsonNode order = read(placed);
    String code = order.path("id").asText();
    assertThat(placed.headers().firstValue("Location")).hasValue(Presale.ORDERS + "/" + code);
    assertThat(order.path("state").asText()).isEqualTo("acknowledged");
    assertThat(order.path("payment").path("amountDueFen").asLong()).isEqualTo(3 * FEE);
    List<JsonNode> cards = items(order);
    assertThat(cards).hasSize(3);
    assertThat(cards)
        .extracting(c -> c.path("productOrder").path("id").asText())
        .containsExactly(code + "-1", code + "-2", code + "-3");
    assertThat(cards)
        .extracting(c -> c.path("product").path("msisdn").asText())
        .doesNotHaveDuplicates()
        .allMatch(msisdn -> msisdn.startsWith("86186"));
    assertThat(cards.get(0).has("holder")).as("the buyer's own card").isFalse();
    assertThat(cards.get(1).path("holder").path("name").asText()).isEqualTo("李*");
    assertThat(cards.get(1).path("holder").path("idNumber").asText())
        .isNotEqualTo(daughter)
        .endsWith(daughter.substring(14));
    assertThat(placed.body()).doesNotContain(daughter, son, mother);

    HttpResponse<String> paid = presale.pay(code, 3 * FEE);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    assertThat(read(paid).path("productOrder").path("state").asText()).isEqualTo("inProgress");
    HttpResponse<String> shipped =
        engine.adminPost(
            Presale.ORDERS + "/" + code + "/shipment",
            "{\"carrier\": \"SF Express\", \"trackingNumber\": \"SF-FAMILY\"}");
    assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(201);
    assertThat(items(read(shipped)))
        .extracting(c -> c.path("shipment").path("trackingNumber").asText())
        .containsOnly("SF-FAMILY");

    HttpResponse<String> byMother =
        presale.activate(code + "-2", "王芳", mother, "taobao-free-traffic");
    HttpResponse<String> byDaughter =
        presale.activate(code + "-2", "李娜", daughter, "taobao-free-traffic");
    HttpResponse<String> ownCard =
        presale.activate(code + "-1", "王芳", mother, "alipay-free-traffic");

    assertThat(byMother.statusCode()).as("not the card's holder").isEqualTo(422);
    assertThat(byMother.body()).contains("REAL_NAME_MISMATCH");
    assertThat(byDaughter.statusCode()).as(byDaughter.body()).isEqualTo(201);
    assertThat(ownCard.statusCode()).as(ownCard.body()).isEqualTo(201);
    JsonNode after = get(code);
    assertThat(after.path("state").asText()).isEqualTo("partial");
    assertThat(items(after))
        .extracting(c -> c.path("state").asText())
        .containsExactly("completed", "completed", "inProgress");
    assertThat(get(code + "-3").path("partOf").path("id").asText()).isEqualTo(code);
    JsonNode sales =
        read(engine.adminGet("/api/v1/reports/sales?from=2026-11-23&to=2026-11-23")).get(0);
    assertThat(sales.path("channel").asText()).isEqualTo("tmall");
    assertThat(sales.path("cards").asLong() - sales.path("orders").asLong())
        .as("this order of three cards counts once as an order")
        .isGreaterThanOrEqualTo(2);
    while (engine.engine().outbox().deliverDue() > 0) {
      // every message the orders of this class wrote, in batches
    }
    assertThat(store.received())
        .filteredOn(r -> r.body().contains(code + "-2"))
        .extracting(r -> r.header("X-Simbundle-Kind"))
        .contains("order.inProgress", "order.shipped", "order.completed");
  }

  @Test
  void aHoldersIdNumberNeverReachesTheLogsAndIsStoredSealed() throws Exception {
    String holder = Presale.newIdNumber("19950505");
    String tooYoung = Presale.newIdNumber("20140404");
    String buyer = Presale.newIdNumber("19750505");
    String code =
        read(place(order("TM-PRIVATE", "GD", buyer, Card.forBuyer(), new Card("孙丽", holder))))
            .path("id")
            .asText();
    place(order("TM-PRIVATE-2", "GD", buyer, new Card("孙小丽", tooYoung)));
    presale.pay(code, 2 * FEE);
    presale.activate(code + "-2", "孙丽", holder, "alipay-free-traffic");

    for (String idNumber : List.of(holder, tooYoung)) {
      leaks.assertNeverLogged(idNumber);
      PersonalDataLeaks.assertNeverStoredInTheClear(
          engine, idNumber, List.of("product_order", "product", "provisioning_audit"));
    }
    assertThat(get(code + "-2").path("state").asText()).isEqualTo("completed");
  }

  @Test
  void everyCardCountsAgainstTheBuyersLimitAndACampaignCapsTheCardsOfAnOrder() {
    String buyer = Presale.newIdNumber("19820202");
    Card[] three = {Card.forBuyer(), Card.forBuyer(), Card.forBuyer()};
    assertThat(place(order("TM-LIMIT-1", "GD", buyer, three)).statusCode()).isEqualTo(201);

    HttpResponse<String> beyond = place(order("TM-LIMIT-2", "GD", buyer, three));
    HttpResponse<String> six =
        place(
            order(
                "TM-LIMIT-3",
                "GD",
                Presale.newIdNumber("19820202"),
                Card.forBuyer(),
                Card.forBuyer(),
                Card.forBuyer(),
                Card.forBuyer(),
                Card.forBuyer(),
                Card.forBuyer()));
    HttpResponse<String> presaleOfTwo =
        engine.adminPost(
            Presale.ORDERS,
            order("YX-TWO", "GD", Presale.newIdNumber("19820202"), Card.forBuyer(), Card.forBuyer())
                .replace("\"tmall\"", "\"yixun\"")
                .replace(FLAGSHIP, "yixun-wechat-wo-presale")
                .replace("tmall-card", "wechat-wo"));

    assertThat(beyond.statusCode()).isEqualTo(422);
    assertThat(read(beyond).path("reasons").findValuesAsText("code"))
        .containsExactly("BUYER_LIMIT_REACHED");
    assertThat(read(beyond).path("reasons").findValuesAsText("label").get(0))
        .contains("this buyer has 3 and asks for 3");
    String rejected = read(beyond).path("productOrder").asText();
    assertThat(items(get(rejected)))
        .extracting(c -> c.path("state").asText())
        .containsExactly("rejected", "rejected", "rejected");
    assertThat(six.statusCode()).isEqualTo(400);
    assertThat(read(six).path("invalidParams").findValuesAsText("name"))
        .containsExactly("productOrderItem");
    HttpResponse<String> samePick =
        place(
            order("TM-SAME-PICK", "GD", Presale.newIdNumber("19820202"), three)
                .replace(
                    "\"productOffering\": {\"id\": \"tmall-card\"}",
                    "\"productOffering\": {\"id\": \"tmall-card\"}, \"product\": {\"msisdn\":"
                        + " \""
                        + Presale.msisdn(96_005)
                        + "\"}"));
    assertThat(samePick.statusCode()).isEqualTo(400);
    assertThat(read(samePick).path("invalidParams").findValuesAsText("name"))
        .containsExactly("productOrderItem.1.product.msisdn", "productOrderItem.2.product.msisdn");
    assertThat(presaleOfTwo.statusCode()).isEqualTo(422);
    assertThat(read(presaleOfTwo).path("reasons").findValuesAsText("code"))
        .contains("TOO_MANY_ITEMS");
  }

  @Test
  void aHolderWhoCannotHoldACardRefusesTheWholeOrderNamingTheCard() {
    long before = available("PHONE_NUMBER", "GD");

    HttpResponse<String> refused =
        place(
            order(
                "TM-CHILD",
                "GD",
                Presale.newIdNumber("19790909"),
                Card.forBuyer(),
                new Card("李小宝", Presale.newIdNumber("20150101"))));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(read(refused).path("reasons").findValuesAsText("code")).containsExactly("TOO_YOUNG");
    assertThat(read(refused).path("reasons").findValuesAsText("label").get(0))
        .startsWith("Card 2's holder: ");
    assertThat(available("PHONE_NUMBER", "GD")).isEqualTo(before);
  }

  @Test
  void anOrderThatCannotHaveEveryCardReservesNoneAndTheBuyersUnitsGoBack() {
    String buyer = Presale.newIdNumber("19811111");

    HttpResponse<String> three =
        place(order("TM-SH-3", "SH", buyer, Card.forBuyer(), Card.forBuyer(), Card.forBuyer()));

    assertThat(three.statusCode()).isEqualTo(409);
    assertThat(read(three).path("detail").asText())
        .isEqualTo(
            "card 3 of 3: no number is available in SH; none of the order's cards was reserved");
    String failed = read(three).path("productOrder").asText();
    assertThat(items(get(failed)))
        .extracting(c -> c.path("state").asText())
        .containsExactly("failed", "failed", "failed");
    assertThat(available("PHONE_NUMBER", "SH")).isEqualTo(2);
    assertThat(available("SIM_CARD", "SH")).isEqualTo(2);

    HttpResponse<String> two =
        place(order("TM-SH-2", "SH", buyer, Card.forBuyer(), Card.forBuyer()));
    HttpResponse<String> threeMore =
        place(order("TM-GD-3", "GD", buyer, Card.forBuyer(), Card.forBuyer(), Card.forBuyer()));

    assertThat(two.statusCode()).as(two.body()).isEqualTo(201);
    assertThat(available("PHONE_NUMBER", "SH")).isZero();
    assertThat(threeMore.statusCode())
        .as("the failed order's three units went back to the buyer's five")
        .isEqualTo(201);
  }

  @Test
  void
      aStoresRepeatedOrderReturnsEveryCardAndCancellingTheOrderReleasesThemAllForRefundsCardByCard() {
    String body =
        order(
                "TM-REPEAT",
                "GD",
                Presale.newIdNumber("19850505"),
                Card.forBuyer(),
                new Card("赵四", Presale.newIdNumber("19900101")))
            .replace("\"channel\": {\"id\": \"tmall\"}, ", "");
    HttpResponse<String> first =
        presale.signedPost("/api/v1/stores/tmall/productOrder", secret, body, clock.instant());
    HttpResponse<String> again =
        presale.signedPost("/api/v1/stores/tmall/productOrder", secret, body, clock.instant());

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(again.statusCode()).isEqualTo(202);
    assertThat(read(again).path("duplicate").asBoolean()).isTrue();
    String code = read(first).path("id").asText();
    assertThat(read(again).path("id").asText()).isEqualTo(code);
    assertThat(items(read(again))).hasSize(2);
    assertThat(presale.pay(code, 2 * FEE).statusCode()).isEqualTo(201);
    long before = available("PHONE_NUMBER", "GD");

    HttpResponse<String> cancelled = presale.cancel(code, "the family changed its mind");
    HttpResponse<String> wholeRefund = refund("TM-R-ALL", code, 2 * FEE);
    HttpResponse<String> cardRefund = refund("TM-R-2", code + "-2", FEE);

    assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(201);
    assertThat(items(read(cancelled).path("productOrder")))
        .extracting(c -> c.path("state").asText())
        .containsExactly("cancelled", "cancelled");
    JsonNode history = read(engine.adminGet("/api/v1/audit/productOrder/" + code));
    assertThat(history.findValuesAsText("reason"))
        .as("each card's changes, named")
        .filteredOn(reason -> reason.contains("the family changed its mind"))
        .hasSize(2)
        .anyMatch(reason -> reason.startsWith("card " + code + "-1: the family changed its mind"))
        .anyMatch(reason -> reason.startsWith("card " + code + "-2: the family changed its mind"));
    assertThat(available("PHONE_NUMBER", "GD")).isEqualTo(before + 2);
    assertThat(wholeRefund.statusCode()).isEqualTo(400);
    assertThat(read(wholeRefund).path("type").asText()).endsWith("refund-per-card");
    assertThat(read(wholeRefund).path("detail").asText())
        .endsWith("a refund is for one of them: " + code + "-1 to " + code + "-2");
    assertThat(cardRefund.statusCode()).as(cardRefund.body()).isEqualTo(201);
    assertThat(items(get(code)))
        .extracting(c -> c.path("payment").path("amountRefundedFen").asLong())
        .containsExactly(0L, FEE);
    HttpResponse<String> read =
        presale.signedGet("/api/v1/stores/tmall/productOrder/" + code, secret, clock.instant());
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read(read).path("state").asText()).isEqualTo("cancelled");
  }

  private static HttpResponse<String> refund(String refundId, String order, long amountFen) {
    return presale.signedPost(
        "/api/v1/stores/tmall/refund",
        secret,
        """
        {"correlatorId": "%s", "productOrder": {"id": "%s"}, "amountFen": %d, "reason": "cancelled"}
        """
            .formatted(refundId, order, amountFen),
        clock.instant());
  }

  @Test
  void aPaymentOnTheWholeOrderIsSharedOutAndNeverMoreThanItsCardsTake() {
    HttpResponse<String> placed =
        place(
            order(
                "TM-PAY",
                "GD",
                Presale.newIdNumber("19860606"),
                Card.forBuyer(),
                new Card("钱七", Presale.newIdNumber("19910101"))));
    String code = read(placed).path("id").asText();

    HttpResponse<String> tooMuch = presale.pay(code, 2 * FEE + 1);
    HttpResponse<String> part = presale.pay(code, FEE + 100);

    assertThat(tooMuch.statusCode()).isEqualTo(409);
    assertThat(read(tooMuch).path("detail").asText())
        .isEqualTo(
            (2 * FEE + 1)
                + " fen is more than the "
                + 2 * FEE
                + " fen the cards of order "
                + code
                + " take now");
    assertThat(part.statusCode()).as(part.body()).isEqualTo(201);
    List<JsonNode> cards = items(read(part).path("productOrder"));
    assertThat(cards)
        .extracting(c -> c.path("payment").path("amountPaidFen").asLong())
        .containsExactly(FEE, 100L);
    assertThat(cards)
        .extracting(c -> c.path("state").asText())
        .containsExactly("inProgress", "acknowledged");
    assertThat(read(part).path("productOrder").path("state").asText()).isEqualTo("partial");
  }
}
