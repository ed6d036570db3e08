package io.simbundle.provisioning.outbox;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.CallbackReceiver;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox delivers store callbacks and partner perk notices to real HTTP receivers: signed,
 * retried with backoff, dead-lettered and re-driven, and still there after a restart.
 */
@EngineTest
class OutboxDeliveryTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private DatabaseSettings database;
  private TestEngine engine;
  private Presale presale;
  private CallbackReceiver receiver;
  private String storeSecret;

  @BeforeEach
  void start() {
    database = TestDatabase.newSchemaSettings("outbox_delivery");
    engine = TestEngine.start(database, clock);
    presale = new Presale(engine);
    presale.stock("GD", 70_000, 10);
    receiver = CallbackReceiver.start();
    storeSecret =
        read(engine.adminPost(
                "/admin/stores",
                """
                    {"id": "yixun", "name": "Yixun", "callbackUrl": "%s",
                     "campaigns": ["yixun-wechat-wo-presale"]}
                    """
                    .formatted(receiver.uri())))
            .path("secret")
            .asText();
  }

  @AfterEach
  void stop() {
    receiver.close();
    engine.close();
  }

  private String pushOrder(String externalId) {
    String body =
        Presale.order(
                externalId,
                Presale.newIdNumber("19930303"),
                "wechat-wo",
                "{\"type\": \"deposit\"}",
                ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}")
            .replace("\"channel\": {\"id\": \"yixun\"}, ", "");
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    HttpResponse<String> response =
        engine.send(
            HttpRequest.newBuilder(engine.uri("/api/v1/stores/yixun/productOrder"))
                .header("Content-Type", "application/json")
                .header("X-Simbundle-Timestamp", timestamp)
                .header(
                    "X-Simbundle-Signature", RequestSignature.sign(storeSecret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return read(response).path("id").asText();
  }

  private int deliver() {
    return engine.engine().outbox().deliverDue();
  }

  @Test
  void storeCallbacksAreSignedAndRetriedWithBackoffUntilTheStoreAnswers() throws Exception {
    receiver.failNext(2);
    String orderId = pushOrder("YX-CB-1");

    int first = deliver();
    int tooEarly = deliver();
    clock.advance(Duration.ofSeconds(1));
    int second = deliver();
    clock.advance(Duration.ofSeconds(2));
    int third = deliver();

    assertThat(List.of(first, tooEarly, second, third)).containsExactly(0, 0, 0, 1);
    List<CallbackReceiver.Received> received = receiver.received();
    assertThat(received)
        .extracting(CallbackReceiver.Received::answeredWith)
        .containsExactly(503, 503, 200);
    assertThat(received)
        .extracting(r -> r.header("X-Simbundle-Message-Id"))
        .containsOnly(received.get(0).header("X-Simbundle-Message-Id"));
    CallbackReceiver.Received last = received.get(2);
    assertThat(
            RequestSignature.refusal(
                List.of(storeSecret),
                last.header("X-Simbundle-Timestamp"),
                last.header("X-Simbundle-Signature"),
                last.body(),
                clock.instant()))
        .isEmpty();
    JsonNode payload = Presale.JSON.readTree(last.body());
    assertThat(last.header("X-Simbundle-Kind")).isEqualTo("order.acknowledged");
    assertThat(payload.path("productOrder").asText()).isEqualTo(orderId);
    assertThat(payload.path("externalId").asText()).isEqualTo("YX-CB-1");
    assertThat(engine.engine().outbox().backlog()).isEmpty();
  }

  @Test
  void aMessageThatFailsEveryAttemptIsDeadLetteredThenRedriven() {
    receiver.failNext(3);
    pushOrder("YX-CB-2");
    for (int attempt = 0; attempt < 3; attempt++) {
      deliver();
      clock.advance(Duration.ofSeconds(5));
    }
    JsonNode outbox = read(engine.adminGet("/admin/outbox"));
    JsonNode dead = outbox.path("deadLetters").get(0);

    HttpResponse<String> redriven =
        engine.adminPost("/admin/outbox/deadLetters/" + dead.path("id").asText() + "/redrive", "");
    int delivered = deliver();

    assertThat(outbox.path("waiting").isEmpty()).isTrue();
    assertThat(dead.path("attempts").asInt()).isEqualTo(3);
    assertThat(dead.path("lastError").asText()).startsWith("HTTP 503");
    assertThat(redriven.statusCode()).isEqualTo(202);
    assertThat(delivered).isEqualTo(1);
    assertThat(receiver.received()).hasSize(4);
    assertThat(receiver.received().get(3).header("X-Simbundle-Message-Id"))
        .isEqualTo(dead.path("id").asText());
    assertThat(read(engine.adminGet("/admin/outbox")).path("deadLetters")).isEmpty();
    assertThat(engine.adminPost("/admin/outbox/deadLetters/999999/redrive", "").statusCode())
        .isEqualTo(404);
  }

  @Test
  void pendingCallbacksAreDeliveredAfterARestart() {
    pushOrder("YX-CB-3");
    engine.close();

    engine = TestEngine.start(database, clock);
    int delivered = deliver();

    assertThat(delivered).isEqualTo(1);
    assertThat(receiver.received()).hasSize(1);
    assertThat(receiver.received().get(0).body()).contains("YX-CB-3");
  }

  @Test
  void partnerPerkNoticesWaitForTheirEndpointThenAreDelivered() throws Exception {
    String idNumber = Presale.newIdNumber("19930303");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    presale.activate(order.path("id").asText(), "张三", idNumber, "group-chat-60");

    deliver();
    long waiting = engine.engine().outbox().backlog().getOrDefault("partner:tencent", 0L);
    HttpResponse<String> configured =
        engine.json(
            "PUT",
            "/admin/partners/tencent/endpoint",
            "{\"url\": \"" + receiver.uri() + "\"}",
            true);
    clock.advance(Duration.ofMinutes(10));
    deliver();

    assertThat(waiting).isEqualTo(1);
    assertThat(configured.statusCode()).isEqualTo(201);
    Optional<CallbackReceiver.Received> perk =
        receiver.received().stream()
            .filter(r -> "perk.activate".equals(r.header("X-Simbundle-Kind")))
            .findFirst();
    assertThat(perk).isPresent();
    assertThat(Presale.JSON.readTree(perk.get().body()).path("perkCode").asText())
        .isEqualTo("GROUP_CHAT_60");
    assertThat(
            RequestSignature.refusal(
                List.of(read(configured).path("secret").asText()),
                perk.get().header("X-Simbundle-Timestamp"),
                perk.get().header("X-Simbundle-Signature"),
                perk.get().body(),
                clock.instant()))
        .isEmpty();
    assertThat(engine.engine().outbox().backlog()).isEmpty();
  }

  @Test
  void theStoreHearsOfEveryStepOfItsOrder() {
    String orderId = pushOrder("YX-CB-4");
    presale.pay(orderId, 5000);
    presale.pay(orderId, 5000);
    engine.adminPost(
        Presale.ORDERS + "/" + orderId + "/shipment",
        "{\"carrier\": \"SF\", \"trackingNumber\": \"SF42\"}");
    presale.cancel(orderId, "buyer refused the parcel");

    deliver();

    assertThat(receiver.received())
        .extracting(r -> r.header("X-Simbundle-Kind"))
        .containsExactly(
            "order.acknowledged",
            "order.pending",
            "order.inProgress",
            "order.shipped",
            "order.cancelled");
  }
}
