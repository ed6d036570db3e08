package io.simbundle.provisioning.channels.store;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.outbox.RequestSignature;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stores push signed orders: every signature case, campaigns they may sell, duplicates. */
@EngineTest
class StoreIntakeTest {

  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static final String CAMPAIGN = ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}";
  private static TestEngine engine;
  private static Presale presale;
  private static String secret;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("store_intake", clock);
    presale = new Presale(engine);
    presale.stock("GD", 60_000, 30);
    HttpResponse<String> onboarded =
        engine.adminPost(
            "/admin/stores",
            """
            {"id": "yixun", "name": "Yixun (易迅)", "callbackUrl": "http://127.0.0.1:9/callback",
             "campaigns": ["yixun-wechat-wo-presale"]}
            """);
    assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
    secret = read(onboarded).path("secret").asText();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static String order(String externalId, String extra) {
    return Presale.order(
            externalId,
            Presale.newIdNumber("19920202"),
            "wechat-wo",
            "{\"type\": \"deposit\"}",
            extra)
        .replace("\"channel\": {\"id\": \"yixun\"}, ", "");
  }

  private static HttpResponse<String> push(String body, String key, long epochSeconds) {
    String timestamp = String.valueOf(epochSeconds);
    return push(body, timestamp, RequestSignature.sign(key, timestamp, body));
  }

  private static HttpResponse<String> push(String body, String timestamp, String signature) {
    return pushTo("yixun", body, timestamp, signature);
  }

  private static HttpResponse<String> pushTo(
      String store, String body, String timestamp, String signature) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(engine.uri("/api/v1/stores/" + store + "/productOrder"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (timestamp != null) {
      request.header("X-Simbundle-Timestamp", timestamp);
    }
    if (signature != null) {
      request.header("X-Simbundle-Signature", signature);
    }
    return engine.send(request.build());
  }

  private static long now() {
    return clock.instant().getEpochSecond();
  }

  @Test
  void aSignedOrderIsAcceptedWithTheStoreAsItsChannel() {
    HttpResponse<String> response = push(order("YX-1001", CAMPAIGN), secret, now());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    JsonNode order = read(response);
    assertThat(order.path("channel").path("id").asText()).isEqualTo("yixun");
    assertThat(order.path("state").asText()).isEqualTo("acknowledged");
    assertThat(order.path("duplicate").asBoolean()).isFalse();
    JsonNode history =
        read(engine.adminGet("/api/v1/audit/productOrder/" + order.path("id").asText()));
    assertThat(history.get(0).path("actor").asText()).isEqualTo("channel:yixun");
  }

  @Test
  void missingWrongStaleAndForeignSignaturesAreRefused() {
    String body = order("YX-2001", CAMPAIGN);
    String timestamp = String.valueOf(now());
    String signature = RequestSignature.sign(secret, timestamp, body);

    List<HttpResponse<String>> refused =
        List.of(
            push(body, null, null),
            push(body, timestamp, signature.substring(1) + "A"),
            push(body.replace("YX-2001", "YX-2002"), timestamp, signature),
            push(body, secret, now() - 301),
            push(body, secret, now() + 301),
            push(body, "not-the-secret", now()),
            push(body, "soon", signature));

    assertThat(refused)
        .allSatisfy(
            r -> {
              assertThat(r.statusCode()).isEqualTo(401);
              assertThat(r.headers().firstValue("Content-Type"))
                  .hasValue("application/problem+json");
            });
    assertThat(read(refused.get(3)).path("detail").asText()).contains("301 s");
    assertThat(push(body, secret, now() - 299).statusCode()).isEqualTo(202);
  }

  @Test
  void campaignsTheStoreMayNotSellOrThatAreClosedAreRefused() {
    String tmallSecret =
        read(engine.adminPost(
                "/admin/stores",
                """
                    {"id": "tmall", "name": "Tmall (天猫)", "callbackUrl": "http://127.0.0.1:9/t",
                     "campaigns": ["tmall-double-11"]}
                    """))
            .path("secret")
            .asText();
    String doubleEleven = order("TM-3002", ", \"campaign\": {\"id\": \"tmall-double-11\"}");
    String timestamp = String.valueOf(now());

    HttpResponse<String> notAllowed =
        push(order("YX-3001", ", \"campaign\": {\"id\": \"tmall-double-11\"}"), secret, now());
    HttpResponse<String> closed =
        pushTo(
            "tmall",
            doubleEleven,
            timestamp,
            RequestSignature.sign(tmallSecret, timestamp, doubleEleven));
    HttpResponse<String> none = push(order("YX-3003", ""), secret, now());

    assertThat(notAllowed.statusCode()).isEqualTo(403);
    assertThat(closed.statusCode()).isEqualTo(422);
    assertThat(read(closed).path("reasons").findValuesAsText("code")).contains("CAMPAIGN_NOT_OPEN");
    assertThat(none.statusCode()).isEqualTo(400);
  }

  @Test
  void aStoreIsOnlyGivenCampaignsSoldOnItsChannel() {
    HttpResponse<String> otherChannel =
        engine.adminPost(
            "/admin/stores",
            """
            {"id": "suning", "name": "Suning", "callbackUrl": "http://127.0.0.1:9/s",
             "campaigns": ["yixun-wechat-wo-presale", "no-such-campaign"]}
            """);
    HttpResponse<String> widened =
        engine.json(
            "PUT",
            "/admin/stores/yixun",
            """
            {"name": "Yixun", "callbackUrl": "http://127.0.0.1:9/callback",
             "campaigns": ["yixun-wechat-wo-presale", "tmall-double-11"]}
            """,
            true);

    assertThat(otherChannel.statusCode()).isEqualTo(422);
    assertThat(read(otherChannel).path("detail").asText())
        .contains("yixun-wechat-wo-presale is sold on [yixun], not on suning")
        .contains("no-such-campaign is not in the catalog");
    assertThat(engine.adminGet("/admin/stores/suning").statusCode()).isEqualTo(404);
    assertThat(widened.statusCode()).isEqualTo(422);
    assertThat(read(widened).path("campaigns").toString())
        .contains("tmall-double-11 is sold on [tmall]");
    assertThat(read(engine.adminGet("/admin/stores/yixun")).path("campaigns").toString())
        .doesNotContain("tmall-double-11");
  }

  @Test
  void concurrentDeliveriesOfOneStoreOrderCreateOneOrder() throws Exception {
    String body = order("YX-4001", CAMPAIGN);
    long at = now();
    List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      deliveries.add(() -> push(body, secret, at));
    }
    ExecutorService pool = Executors.newFixedThreadPool(12);
    List<HttpResponse<String>> responses = new ArrayList<>();
    try {
      for (Future<HttpResponse<String>> f : pool.invokeAll(deliveries)) {
        responses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(202));
    assertThat(responses.stream().map(r -> read(r).path("id").asText()).distinct()).hasSize(1);
    assertThat(responses.stream().filter(r -> !read(r).path("duplicate").asBoolean())).hasSize(1);
    JsonNode listed = read(engine.adminGet(Presale.ORDERS + "?channel=yixun&limit=200"));
    assertThat(listed.findValuesAsText("externalId")).containsOnlyOnce("YX-4001");
  }

  @Test
  void aRotatedSecretLeavesTheOldOneValidForItsGracePeriod() {
    HttpResponse<String> rotated =
        engine.adminPost("/admin/stores/yixun/secret", "{\"graceMinutes\": 10}");
    String fresh = read(rotated).path("secret").asText();
    String old = secret;
    secret = fresh;

    HttpResponse<String> oldDuringGrace = push(order("YX-5001", CAMPAIGN), old, now());
    HttpResponse<String> freshOne = push(order("YX-5002", CAMPAIGN), fresh, now());
    clock.advance(Duration.ofMinutes(11));
    HttpResponse<String> oldAfterGrace = push(order("YX-5003", CAMPAIGN), old, now());

    assertThat(rotated.statusCode()).isEqualTo(201);
    assertThat(fresh).isNotEqualTo(old);
    assertThat(oldDuringGrace.statusCode()).isEqualTo(202);
    assertThat(freshOne.statusCode()).isEqualTo(202);
    assertThat(oldAfterGrace.statusCode()).isEqualTo(401);
    assertThat(read(engine.adminGet("/admin/stores/yixun")).has("secret")).isFalse();
  }

  @Test
  void onboardingChecksItsInputAndNeedsAdminCredentials() {
    HttpResponse<String> badId =
        engine.adminPost(
            "/admin/stores",
            "{\"id\": \"Bad Id\", \"name\": \"x\", \"callbackUrl\": \"http://x\"}");
    HttpResponse<String> again =
        engine.adminPost(
            "/admin/stores", "{\"id\": \"yixun\", \"name\": \"x\", \"callbackUrl\": \"http://x\"}");
    HttpResponse<String> anonymous =
        engine.json(
            "POST",
            "/admin/stores",
            "{\"id\": \"evil\", \"name\": \"x\", \"callbackUrl\": \"http://x\"}",
            false);

    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void anAdminRepointsAStoresCallbacksAndItsSecretStaysValid() {
    String changed =
        """
        {"name": "Yixun (易迅)", "callbackUrl": "http://127.0.0.1:9/v2/callback",
         "campaigns": ["yixun-wechat-wo-presale"]}
        """;
    HttpResponse<String> updated = engine.json("PUT", "/admin/stores/yixun", changed, true);
    HttpResponse<String> unknown = engine.json("PUT", "/admin/stores/nobody", changed, true);
    HttpResponse<String> badUrl =
        engine.json(
            "PUT",
            "/admin/stores/yixun",
            "{\"name\": \"Yixun\", \"callbackUrl\": \"http://a b\", \"campaigns\": []}",
            true);
    HttpResponse<String> anonymous = engine.json("PUT", "/admin/stores/yixun", changed, false);

    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(read(engine.adminGet("/admin/stores/yixun")).path("callbackUrl").asText())
        .isEqualTo("http://127.0.0.1:9/v2/callback");
    assertThat(push(order("YX-6001", CAMPAIGN), secret, now()).statusCode()).isEqualTo(202);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(badUrl.statusCode()).isEqualTo(400);
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }
}
