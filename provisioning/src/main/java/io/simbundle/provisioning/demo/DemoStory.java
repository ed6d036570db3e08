package io.simbundle.provisioning.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.provisioning.app.EngineSettings;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.rules.realname.ResidentIdNumber;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar simbundle.jar demo}: drives a running engine through the whole story of a
 * co-branded card over its real interfaces — a store's signed presale order for WeChat Wo, its
 * deposit and final payment, shipment, activation with three privileges, another buyer's cancelled
 * presale order refunded by the store, then a PCEF's traffic on Gy (WeChat free, video calls
 * charged, a Yixin subscriber's gift, default traffic until the allowance runs out), and what the
 * operator reads afterwards: balances, usage with why each record was free or charged, and the
 * partners' settlement for the month. Every run uses numbers, cards and buyers of its own.
 */
public final class DemoStory {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final String CAMPAIGN = "yixun-wechat-wo-presale";
  private static final Duration CALLBACK_WAIT = Duration.ofSeconds(30);
  private static final String BUYER = "张三";
  private static final String DAUGHTER = "张小红";

  private final EngineClient engine;
  private final EngineSettings settings;
  private final Clock clock;
  private final PrintStream out;
  private final long run;
  private final DemoReport report;

  private DemoStory(EngineClient engine, EngineSettings settings, Clock clock, PrintStream out) {
    this.engine = engine;
    this.settings = settings;
    this.clock = clock;
    this.out = out;
    this.run = clock.millis() / 1000 % 10_000_000L;
    this.report = new DemoReport(engine, clock, out);
  }

  /** Runs the story against the engine the settings describe; exits 1 when a step fails. */
  public static void main(String[] args) {
    EngineSettings settings = EngineSettings.fromEnvironment();
    try {
      run(settings, DemoCredentials.of(settings), Clock.systemUTC(), System.out);
    } catch (DemoFailure e) {
      System.err.println("demo stopped: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * Tells the story once.
   *
   * @return the story's figures, for whoever wants to check them
   */
  public static DemoFigures run(
      EngineSettings settings, AdminCredentials admin, Clock clock, PrintStream out) {
    String host = "0.0.0.0".equals(settings.httpHost()) ? "127.0.0.1" : settings.httpHost();
    URI base = URI.create("http://" + host + ":" + settings.httpPort());
    return new DemoStory(new EngineClient(base, admin, clock), settings, clock, out).tell();
  }

  private DemoFigures tell() {
    out.printf(
        "simbundle demo: engine at %s, Gy at %s:%d%n",
        engine.base(), settings.gy().identity().address(), settings.gy().identity().port());
    Card weChat = new Card(number(0), iccid(0), imsi(0), idNumber(0));
    Card yixin = new Card(number(1), iccid(1), imsi(1), idNumber(1));
    Card changedMind = new Card(number(2), iccid(2), imsi(2), idNumber(2));
    Card family = new Card(number(3), iccid(3), imsi(3), idNumber(3));
    Card daughter = new Card(number(4), iccid(4), imsi(4), idNumber(4));
    stock(weChat, yixin, changedMind, family, daughter);
    Subscribers sold = sell(weChat, yixin, changedMind);
    List<String> familyCards = familyOrder(family, daughter);
    GyTraffic.Figures traffic =
        new GyTraffic(settings.gy().identity(), report::giftsLeft, run, out)
            .drive(sold.weChat(), sold.yixin());
    Optional<ChfTraffic.Figures> fiveG =
        settings.chf().map(chf -> new ChfTraffic(chf, clock, run, out).drive(sold.weChat()));
    Optional<BackOnFourG.Figures> back =
        fiveG.map(leg -> new BackOnFourG(settings.gy().identity(), run, out).drive(sold.weChat()));
    JsonNode balance = report.balances(sold.weChat(), sold.yixin());
    String whyVideo = report.usage(sold.weChat(), sold.yixin());
    long tencentFen = report.settlement();
    out.println("\nThe story is told.");
    return new DemoFigures(
        sold.weChat(),
        sold.yixin(),
        traffic,
        fiveG,
        back,
        balance,
        whyVideo,
        tencentFen,
        sold.refundedFen(),
        familyCards);
  }

  /** The numbers the two cards were activated on, and what was refunded to the third buyer. */
  private record Subscribers(String weChat, String yixin, long refundedFen) {}

  /**
   * Sells both cards: WeChat Wo in the store's presale (or the web shop once it is over) — a
   * deposit, then the final payment — shipped and activated with three privileges; a Yixin card
   * from the web shop. A third buyer's order is cancelled and refunded.
   */
  private Subscribers sell(Card weChat, Card yixin, Card changedMind) {
    try (StoreCallbacks callbacks = new StoreCallbacks(clock)) {
      String store = "yixun";
      String secret = onboard(store, callbacks);
      Optional<String> presale = presaleOrder(store, secret, weChat, "YX-DEMO-" + run);
      String orderId;
      long refunded;
      if (presale.isPresent()) {
        orderId = presale.get();
        pay(orderId);
        awaitCallback(callbacks, "order.pending");
        pay(orderId);
        ship(orderId);
        awaitCallback(callbacks, "order.shipped");
        refunded = refundedByStore(store, secret, changedMind, callbacks);
      } else {
        orderId = webOrder(weChat, "wechat-wo", true, "The card");
        refunded = refundedByBackOffice(webOrder(changedMind, "tmall-card", true, "Third card"));
      }
      return new Subscribers(
          activate(orderId, weChat, "wechat-free-traffic", "group-chat-60", "free-emoticons"),
          activate(webOrder(yixin, "yixin-card", false, "Second card"), yixin, "yixin-free-calls"),
          refunded);
    }
  }

  /**
   * Another buyer's presale order: the deposit is paid, the buyer changes their mind, the order is
   * cancelled and the store refunds the deposit with its own refund id (a signed push).
   */
  private long refundedByStore(String store, String secret, Card card, StoreCallbacks callbacks) {
    String orderId = presaleOrder(store, secret, card, "YX-DEMO-" + run + "-2").orElseThrow();
    pay(orderId);
    cancel(orderId);
    HttpResponse<String> answer =
        engine.pushSigned(
            "/api/v1/stores/" + store + "/refund", secret, refundBody(orderId, "YX-REFUND-" + run));
    JsonNode refund = EngineClient.expect(201, answer);
    step(
        "Refund",
        "the store refunds %s yuan of order %s (its refund id YX-REFUND-%d) → refund %s, %s",
        yuan(refund.path("amountFen").asLong()),
        orderId,
        run,
        refund.path("id").asText(),
        refund.path("kind").asText());
    awaitCallback(callbacks, "order.refunded");
    return refund.path("amountFen").asLong();
  }

  /**
   * After the presale: a web-shop order paid in full and shipped, refused at the door, cancelled
   * and refunded by the back office.
   */
  private long refundedByBackOffice(String orderId) {
    cancel(orderId);
    JsonNode refund =
        engine.post(
            "/tmf-api/paymentManagement/v5/refund",
            "application/json",
            refundBody(orderId, "WEB-REFUND-" + run),
            201);
    step(
        "Refund",
        "the back office refunds %s yuan of order %s → refund %s, %s",
        yuan(refund.path("amountFen").asLong()),
        orderId,
        refund.path("id").asText(),
        refund.path("kind").asText());
    return refund.path("amountFen").asLong();
  }

  /** A refund of all that was paid on the order. */
  private String refundBody(String orderId, String refundId) {
    long paid =
        engine
            .get("/tmf-api/productOrdering/v5/productOrder/" + orderId)
            .path("payment")
            .path("amountPaidFen")
            .asLong();
    return EngineClient.json(
        Map.of(
            "correlatorId",
            refundId,
            "productOrder",
            Map.of("id", orderId),
            "amountFen",
            paid,
            "reason",
            "the buyer changed their mind"));
  }

  private void cancel(String orderId) {
    JsonNode cancelled =
        engine.post(
            "/tmf-api/productOrdering/v5/cancelProductOrder",
            "application/json",
            EngineClient.json(
                Map.of(
                    "productOrder",
                    Map.of("id", orderId),
                    "cancellationReason",
                    "the buyer changed their mind")),
            201);
    JsonNode order = cancelled.path("productOrder");
    step(
        "Cancellation",
        "order %s → %s; its number is back in stock, its card %s",
        orderId,
        order.path("state").asText(),
        order.has("shipment") ? "quarantined (it was shipped)" : "too");
  }

  /**
   * A number and a card the demo adds to the stock, and a buyer. The order takes whichever number
   * and card the inventory gives it: the subscriber's number is the one activation answers.
   */
  private record Card(String msisdn, String iccid, String imsi, String idNumber) {}

  private String number(int i) {
    return "86135%08d".formatted(run * 10 % 100_000_000L + i);
  }

  private String iccid(int i) {
    return "89860199%012d".formatted(run * 10 + i);
  }

  private String imsi(int i) {
    return "4600199%08d".formatted(run * 10 % 100_000_000L + i);
  }

  /**
   * A valid resident ID number no earlier run used: the birth date and serial come from the run.
   */
  private String idNumber(int i) {
    LocalDate born = LocalDate.of(1970, 1, 1).plusDays(run / 1000 % 15_000);
    String first17 =
        "440106" + born.toString().replace("-", "") + "%03d".formatted((run * 2 + i) % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private void stock(Card... cards) {
    StringBuilder numbers = new StringBuilder("msisdn,province\n");
    StringBuilder sims = new StringBuilder("iccid,imsi,province\n");
    for (Card card : cards) {
      numbers.append(card.msisdn()).append(",GD\n");
      sims.append(card.iccid()).append(',').append(card.imsi()).append(",GD\n");
    }
    engine.post(
        "/api/v1/inventory/phoneNumber?source=demo.csv", "text/csv", numbers.toString(), 201);
    engine.post("/api/v1/inventory/simCard?source=demo.csv", "text/csv", sims.toString(), 201);
    step(
        "Inventory",
        "%d numbers and %d SIM cards for Guangdong imported (%s …)",
        cards.length,
        cards.length,
        cards[0].msisdn());
  }

  /**
   * Acts as the store Yixun: onboards it on a fresh engine, or else points its callbacks at the
   * demo and rotates its secret (the previous one stays valid an hour).
   */
  private String onboard(String store, StoreCallbacks callbacks) {
    Map<String, Object> registration =
        Map.of(
            "id",
            store,
            "name",
            "Yixun (易迅)",
            "callbackUrl",
            callbacks.uri().toString(),
            "campaigns",
            List.of(CAMPAIGN));
    HttpResponse<String> onboarded =
        engine.postJson("/admin/stores", EngineClient.json(registration));
    JsonNode issued;
    if (onboarded.statusCode() == 409) {
      engine.put("/admin/stores/" + store, EngineClient.json(registration));
      issued = engine.post("/admin/stores/" + store + "/secret", "application/json", "{}", 201);
      step("Store", "%s exists: callbacks pointed at the demo, secret rotated", store);
    } else {
      issued = EngineClient.expect(201, onboarded);
      step("Store", "%s onboarded for %s; its HMAC secret is shown once", store, CAMPAIGN);
    }
    String secret = issued.path("secret").asText();
    callbacks.trust(secret);
    return secret;
  }

  /**
   * The store's signed presale order; empty when the campaign is not on sale at this date (the demo
   * catalog's presale ends on 31 January 2027), and the story goes on with a web-shop order.
   */
  private Optional<String> presaleOrder(String store, String secret, Card card, String externalId) {
    String body =
        EngineClient.json(
            Map.of(
                "externalId", externalId,
                "place", Map.of("id", "GD"),
                "campaign", Map.of("id", CAMPAIGN),
                "buyer", Map.of("name", BUYER, "idNumber", card.idNumber(), "newToOperator", true),
                "productOrderItem", List.of(item("1", "wechat-wo")),
                "payment", Map.of("type", "deposit")));
    HttpResponse<String> answer = engine.pushOrder(store, secret, body);
    if (answer.statusCode() == 422 && answer.body().contains("CAMPAIGN_NOT_OPEN")) {
      step(
          "Presale order",
          "%s is not on sale at this date: the card is bought on the operator's web shop instead",
          CAMPAIGN);
      return Optional.empty();
    }
    JsonNode order = EngineClient.expect(202, answer);
    JsonNode payment = order.path("payment");
    step(
        "Presale order",
        "signed push %s → order %s %s; %s yuan: a %s-yuan deposit now, the rest by %s; number %s"
            + " reserved",
        externalId,
        order.path("id").asText(),
        order.path("state").asText(),
        yuan(payment.path("amountDueFen").asLong()),
        yuan(payment.path("depositFen").asLong()),
        payment.path("finalPaymentCloses").asText(),
        order.findPath("msisdn").asText());
    return Optional.of(order.path("id").asText());
  }

  /** Pays what is due now: a presale's deposit first, then the rest; else the whole amount. */
  private void pay(String orderId) {
    JsonNode payment =
        engine.get("/tmf-api/productOrdering/v5/productOrder/" + orderId).path("payment");
    long paid = payment.path("amountPaidFen").asLong();
    long due =
        payment.has("depositFen") && paid < payment.path("depositFen").asLong()
            ? payment.path("depositFen").asLong() - paid
            : payment.path("amountDueFen").asLong() - paid;
    JsonNode order =
        engine
            .post(
                "/tmf-api/paymentManagement/v5/payment",
                "application/json",
                EngineClient.json(
                    Map.of(
                        "productOrder",
                        Map.of("id", orderId),
                        "amountFen",
                        due,
                        "reference",
                        "demo-pay-" + run + "-" + paid)),
                201)
            .path("productOrder");
    step(
        "Payment",
        "%s yuan paid → order %s%s",
        yuan(due),
        order.path("state").asText(),
        "pending".equals(order.path("state").asText())
            ? " (deposit paid; the final payment is awaited)"
            : "");
  }

  private void ship(String orderId) {
    JsonNode shipped =
        engine.post(
            "/tmf-api/productOrdering/v5/productOrder/" + orderId + "/shipment",
            "application/json",
            EngineClient.json(Map.of("carrier", "SF Express", "trackingNumber", "SF" + run)),
            201);
    step("Shipment", "SF Express SF%d → order %s", run, shipped.path("state").asText());
  }

  private void awaitCallback(StoreCallbacks callbacks, String kind) {
    try {
      long deadline = System.nanoTime() + CALLBACK_WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        if (callbacks.next(Duration.ofMillis(500)).filter(kind::equals).isPresent()) {
          step("Store callback", "%s received, signature checked", kind);
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new DemoFailure("the store heard no " + kind + " callback in " + CALLBACK_WAIT);
  }

  /**
   * A family's order: two Yixin cards in one web order, one for the buyer and one for her daughter
   * (outside campaigns an order holds up to five), paid once and shipped in one parcel; each card
   * is activated by its own holder.
   *
   * @return the numbers the two cards were activated on
   */
  private List<String> familyOrder(Card buyer, Card daughter) {
    JsonNode order =
        placeWebOrder(
            "family",
            Map.of("name", BUYER, "idNumber", buyer.idNumber()),
            List.of(
                item("1", "yixin-card"),
                Map.of(
                    "id",
                    "2",
                    "action",
                    "add",
                    "productOffering",
                    Map.of("id", "yixin-card"),
                    "holder",
                    Map.of("name", DAUGHTER, "idNumber", daughter.idNumber()))));
    String id = order.path("id").asText();
    JsonNode cards = order.path("productOrderItem");
    String first = cards.get(0).path("productOrder").path("id").asText();
    String second = cards.get(1).path("productOrder").path("id").asText();
    step(
        "Family order",
        "2 yixin-card in one web order %s: card %s for the buyer, card %s for her daughter %s",
        id,
        first,
        second,
        cards.get(1).path("holder").path("name").asText());
    pay(id);
    ship(id);
    return List.of(
        activate(first, BUYER, buyer, "yixin-free-calls"),
        activate(second, DAUGHTER, daughter, "yixin-free-calls"));
  }

  /** Activates the order's card for the buyer; returns its number. */
  private String activate(String orderId, Card card, String... privileges) {
    return activate(orderId, BUYER, card, privileges);
  }

  /** Activates the order's card in its holder's name; returns its number. */
  private String activate(String orderId, String holder, Card card, String... privileges) {
    JsonNode product =
        engine.postAsSubscriber(
            "/api/v1/activation",
            EngineClient.json(
                Map.of(
                    "orderCodeOrIccid",
                    orderId,
                    "name",
                    holder,
                    "idNumber",
                    card.idNumber(),
                    "chosenPrivileges",
                    List.of(privileges))),
            201);
    step(
        "Activation",
        "%s %s with real-name check → %s, privileges %s, free rating groups %s",
        product.path("productOffering").path("id").asText(),
        product.path("msisdn").asText(),
        product.path("status").asText(),
        product.path("privileges"),
        product.path("zeroRatedRatingGroups"));
    return product.path("msisdn").asText();
  }

  /** A card bought in the operator's own web shop, paid in full and shipped. */
  private String webOrder(Card card, String product, boolean newToOperator, String what) {
    JsonNode order =
        placeWebOrder(
            product,
            Map.of("name", BUYER, "idNumber", card.idNumber(), "newToOperator", newToOperator),
            List.of(item("1", product)));
    String id = order.path("id").asText();
    step(what, "%s ordered on the web shop: order %s", product, id);
    pay(id);
    ship(id);
    return id;
  }

  /** An order on the operator's web shop, paid in full; {@code run} and {@code key} make its id. */
  private JsonNode placeWebOrder(
      String key, Map<String, Object> buyer, List<Map<String, Object>> items) {
    return engine.post(
        "/tmf-api/productOrdering/v5/productOrder",
        "application/json",
        EngineClient.json(
            Map.of(
                "externalId",
                "WEB-DEMO-" + run + "-" + key,
                "channel",
                Map.of("id", "web"),
                "place",
                Map.of("id", "GD"),
                "buyer",
                buyer,
                "productOrderItem",
                items,
                "payment",
                Map.of("type", "full"))),
        201);
  }

  private static Map<String, Object> item(String id, String product) {
    return Map.of("id", id, "action", "add", "productOffering", Map.of("id", product));
  }

  private void step(String what, String format, Object... args) {
    DemoReport.step(out, what, format, args);
  }

  private static String yuan(long fen) {
    return DemoReport.yuan(fen);
  }
}
