package io.simbundle.provisioning.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.fault.PcefLoad;
import io.simbundle.charging.fault.PcefLoad.Sent;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.FaultTest;
import io.simbundle.provisioning.CallbackReceiver;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.DemoSubscribers;
import io.simbundle.provisioning.outbox.RequestSignature;
import io.simbundle.rules.realname.ResidentIdNumber;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the whole engine with SIGKILL while stores push a presale and PCEFs report traffic, starts
 * it again, and lets the clients do what real ones do — stores send unanswered orders again, PCEFs
 * retransmit unanswered requests with the T flag. Then: every acknowledged order is there, no
 * number or card went to two orders, the campaign sold no unit twice, every byte reported on Gy was
 * debited exactly once, and the store heard about every order it was told of.
 */
@FaultTest
class EngineKillTest {

  private static final Logger log = LoggerFactory.getLogger(EngineKillTest.class);
  private static final int KILLS = 2;
  private static final int STORE_CLIENTS = 6;
  private static final int STOCK = 4_000;
  private static final List<String> SUBSCRIBERS =
      List.of(DemoSubscribers.WECHAT_WO, DemoSubscribers.YIXIN, DemoSubscribers.PLAIN);
  private static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(2500);
  private static final Duration TX = Duration.ofSeconds(5);
  private static final String CAMPAIGN = "yixun-wechat-wo-presale";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final AtomicInteger buyers = new AtomicInteger();
  private final AtomicInteger writtenBeforeTheKill = new AtomicInteger();
  private String storeSecret;

  /** An order a store pushed: its body, and the order id if it was acknowledged. */
  private record Pushed(String externalId, String body, String orderId) {}

  @Test
  void killedEngineLosesNoAcknowledgedOrderAndNoDebitAndTellsTheStoreEverything() throws Exception {
    DatabaseSettings database = TestDatabase.newSchemaSettings("engine_kill");
    String jdbcUrl = database.url().orElseThrow();
    List<Pushed> orders = new ArrayList<>();
    List<Sent> requests = new ArrayList<>();
    try (CallbackReceiver store = CallbackReceiver.start();
        EngineProcess engine = new EngineProcess(database)) {
      engine.start();
      setUp(engine, store);
      for (int kill = 1; kill <= KILLS; kill++) {
        LoadRound round = load(engine);
        orders.addAll(round.orders());
        requests.addAll(round.requests());
        engine.start();
        recover(engine, orders, requests);
        log.info(
            "kill {}: {} orders pushed ({} unanswered), {} Gy requests ({} unanswered)",
            kill,
            round.orders().size(),
            round.orders().stream().filter(o -> o.orderId() == null).count(),
            round.requests().size(),
            round.requests().stream().filter(r -> !r.answered()).count());
      }

      // Every order the store pushed now has exactly one order in the engine.
      Set<String> externalIds = orders.stream().map(Pushed::externalId).collect(Collectors.toSet());
      assertThat(ProvisioningInvariants.count(jdbcUrl, "SELECT COUNT(*) FROM product_order"))
          .isEqualTo(externalIds.size());
      assertThat(
              ProvisioningInvariants.count(
                  jdbcUrl,
                  "SELECT COUNT(DISTINCT msisdn) FROM product_order WHERE msisdn IS NOT NULL"))
          .isEqualTo(externalIds.size());
      ProvisioningInvariants.assertHold(jdbcUrl);

      // Each byte reported once, debited once.
      for (String msisdn : SUBSCRIBERS) {
        long reported =
            requests.stream().filter(r -> r.msisdn().equals(msisdn)).mapToLong(Sent::used).sum();
        long debited = 0;
        for (JsonNode record : adminGet(engine, "/api/v1/charging/usage/" + msisdn)) {
          debited += record.path("units").asLong();
        }
        assertThat(debited).as("bytes debited to " + msisdn).isEqualTo(reported);
      }

      // The store hears of every order, however often the engine died before telling it.
      Set<String> announced = awaitAnnounced(store, orders);
      assertThat(announced)
          .containsAll(orders.stream().map(Pushed::orderId).collect(Collectors.toSet()));
      log.info(
          "{} kills: {} orders, all acknowledged and announced ({} unanswered ones had been written"
              + " before the kill); {} Gy requests, {} bytes debited once",
          KILLS,
          orders.size(),
          writtenBeforeTheKill.get(),
          requests.size(),
          requests.stream().mapToLong(Sent::used).sum());
    }
  }

  private void setUp(EngineProcess engine, CallbackReceiver store) throws Exception {
    assertThat(
            adminPost(
                    engine,
                    "/api/v1/inventory/phoneNumber",
                    "text/csv",
                    Presale.numbersCsv("GD", 200_000, STOCK))
                .statusCode())
        .isEqualTo(201);
    assertThat(
            adminPost(
                    engine,
                    "/api/v1/inventory/simCard",
                    "text/csv",
                    Presale.cardsCsv("GD", 200_000, STOCK))
                .statusCode())
        .isEqualTo(201);
    HttpResponse<String> onboarded =
        adminPost(
            engine,
            "/admin/stores",
            "application/json",
            """
            {"id": "yixun", "name": "Yixun", "callbackUrl": "%s", "campaigns": ["%s"]}
            """
                .formatted(store.uri(), CAMPAIGN));
    assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
    storeSecret = Presale.read(onboarded).path("secret").asText();
  }

  /** What one round of load until the kill sent. */
  private record LoadRound(List<Pushed> orders, List<Sent> requests) {}

  private LoadRound load(EngineProcess engine) throws Exception {
    ConcurrentLinkedQueue<Pushed> pushed = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(STORE_CLIENTS + 2 * SUBSCRIBERS.size());
    try (PcefSimulator pcef = connect(engine, "pgw-load-" + buyers.get())) {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < STORE_CLIENTS; c++) {
        running.add(clients.submit(() -> pushUntilKilled(engine, killed, pushed)));
      }
      for (String msisdn : SUBSCRIBERS) {
        for (int twice = 0; twice < 2; twice++) {
          running.add(clients.submit(() -> PcefLoad.runSessions(pcef, msisdn, killed, sent, TX)));
        }
      }
      Thread.sleep(LOAD_BEFORE_KILL.toMillis());
      killed.set(true);
      engine.kill();
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
    return new LoadRound(List.copyOf(pushed), List.copyOf(sent));
  }

  private Void pushUntilKilled(
      EngineProcess engine, AtomicBoolean killed, ConcurrentLinkedQueue<Pushed> pushed) {
    while (true) {
      int n = buyers.incrementAndGet();
      String externalId = "kill-" + n;
      String body =
          Presale.order(externalId, idNumber(n), "wechat-wo", "{\"type\": \"deposit\"}", "")
              .replace("\"channel\": {\"id\": \"yixun\"}, ", "")
              .replace("\"place\"", "\"campaign\": {\"id\": \"" + CAMPAIGN + "\"}, \"place\"");
      String orderId = null;
      try {
        HttpResponse<String> answer = push(engine, body);
        if (answer.statusCode() == 202) {
          orderId = Presale.read(answer).path("id").asText();
        } else if (!killed.get()) {
          throw new AssertionError("order refused before the kill: " + answer.body());
        }
      } catch (RuntimeException e) {
        if (!killed.get()) {
          throw e;
        }
      }
      pushed.add(new Pushed(externalId, body, orderId));
      if (orderId == null) {
        return null;
      }
    }
  }

  /** What clients do once the engine is back: send again what went unanswered. */
  private void recover(EngineProcess engine, List<Pushed> orders, List<Sent> requests)
      throws Exception {
    for (int i = 0; i < orders.size(); i++) {
      Pushed order = orders.get(i);
      if (order.orderId() == null) {
        HttpResponse<String> answer = push(engine, order.body());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        if (Presale.read(answer).path("duplicate").asBoolean()) {
          writtenBeforeTheKill.incrementAndGet();
        }
        orders.set(
            i,
            new Pushed(order.externalId(), order.body(), Presale.read(answer).path("id").asText()));
      } else {
        HttpResponse<String> found =
            adminGet(engine, "/tmf-api/productOrdering/v5/productOrder/" + order.orderId(), true);
        assertThat(found.statusCode()).as("acknowledged order " + order.orderId()).isEqualTo(200);
      }
    }
    try (PcefSimulator pcef = connect(engine, "pgw-retransmit-" + buyers.get())) {
      for (int i = 0; i < requests.size(); i++) {
        Sent lost = requests.get(i);
        if (!lost.answered()) {
          assertThat(PcefLoad.retransmit(pcef, lost, TX).getResultCode().getUnsigned32())
              .isEqualTo(2001L);
          requests.set(i, lost.answeredWith(2001));
        }
      }
    }
  }

  private static PcefSimulator connect(EngineProcess engine, String host) {
    return PcefSimulator.connect(
        new DiameterIdentity(
            host + ".pcef.simbundle.local", "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
        new DiameterIdentity(
            "ocs.simbundle.local", "simbundle.local", "127.0.0.1", engine.diameterPort()),
        Duration.ofSeconds(15));
  }

  /** The order ids the store was told of, once every pushed order is among them or 60 s passed. */
  private static Set<String> awaitAnnounced(CallbackReceiver store, List<Pushed> orders)
      throws InterruptedException {
    Set<String> wanted = orders.stream().map(Pushed::orderId).collect(Collectors.toSet());
    Instant deadline = Instant.now().plusSeconds(60);
    Set<String> announced = new HashSet<>();
    while (Instant.now().isBefore(deadline)) {
      announced.clear();
      for (CallbackReceiver.Received callback : store.received()) {
        announced.add(Presale.read(callback.body()).path("productOrder").asText());
      }
      if (announced.containsAll(wanted)) {
        break;
      }
      Thread.sleep(250);
    }
    return announced;
  }

  private String idNumber(int n) {
    String birth = LocalDate.of(1975, 1, 1).plusDays(n / 1000).toString().replace("-", "");
    String first17 = "440106" + birth + "%03d".formatted(n % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private HttpResponse<String> push(EngineProcess engine, String body) {
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    return send(
        HttpRequest.newBuilder(engine.uri("/api/v1/stores/yixun/productOrder"))
            .header("Content-Type", "application/json")
            .header("X-Simbundle-Timestamp", timestamp)
            .header("X-Simbundle-Signature", RequestSignature.sign(storeSecret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private HttpResponse<String> adminPost(
      EngineProcess engine, String path, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(engine.uri(path))
            .header("Authorization", basic())
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private JsonNode adminGet(EngineProcess engine, String path) {
    HttpResponse<String> answer = adminGet(engine, path, true);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Presale.read(answer);
  }

  private HttpResponse<String> adminGet(EngineProcess engine, String path, boolean admin) {
    HttpRequest.Builder request = HttpRequest.newBuilder(engine.uri(path)).GET();
    if (admin) {
      request.header("Authorization", basic());
    }
    return send(request.build());
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                ("admin:" + EngineProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
