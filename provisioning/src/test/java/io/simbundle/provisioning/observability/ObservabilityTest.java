package io.simbundle.provisioning.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.DemoSubscribers;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Prometheus metrics and the health check reflect what the engine did and can do. */
@EngineTest
class ObservabilityTest {

  private static final String CAMPAIGN = ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}";
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("observability");
    presale = new Presale(engine);
    presale.stock("GD", 80_000, 10);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void metricsCountRequestsByRouteAndStatusOrdersByStateAndStockLeft() {
    for (int i = 0; i < 3; i++) {
      presale.placeAccepted(
          Presale.order(
              "OBS-" + i,
              Presale.newIdNumber("19930303"),
              "wechat-wo",
              "{\"type\": \"deposit\"}",
              CAMPAIGN));
    }
    assertThat(engine.get(Presale.ORDERS + "/NO-SUCH-ORDER").statusCode()).isEqualTo(401);

    HttpResponse<String> scraped = engine.get("/metrics");

    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    String metrics = scraped.body();
    assertThat(metrics)
        .contains(
            "simbundle_http_server_requests_seconds_count{route=\"tmf622-create-order\","
                + "status=\"201\"} 3")
        .contains("simbundle_http_server_requests_seconds_bucket{route=\"tmf622-create-order\"")
        .contains("status=\"401\"")
        .contains("simbundle_orders{state=\"acknowledged\"} 3")
        .contains("simbundle_campaign_stock_remaining{campaign=\"yixun-wechat-wo-presale\"} 99997")
        .containsPattern("simbundle_outbox_backlog \\d")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void gyRequestsAreTimedByTypeAndResultCodeAndZeroRatedBytesCountedPerPartner() {
    presale.browse(DemoSubscribers.WECHAT_WO, 1000, 64 * 1024);

    String metrics = engine.get("/metrics").body();

    for (String type : new String[] {"initial", "termination"}) {
      assertThat(metrics)
          .containsPattern(
              "simbundle_gy_requests_seconds_count\\{result=\"2001\",type=\""
                  + type
                  + "\"\\} [1-9]");
    }
    assertThat(metrics)
        .contains("simbundle_gy_requests_seconds_bucket{result=\"2001\"")
        .contains("simbundle_zero_rated_bytes_total{partner=\"tencent\"} 65536");
  }

  @Test
  void healthIsUpWhenTheDatabaseAnswersAndGyTakesConnectionsAndListsThePcefs() throws Exception {
    DiameterIdentity pgw =
        new DiameterIdentity(
            "pgw-health.pcef.simbundle.local",
            "pcef.simbundle.local",
            "127.0.0.1",
            FreePort.next());
    JsonNode connected;
    try (PcefSimulator pcef =
        PcefSimulator.connect(pgw, engine.settings().gy().identity(), Duration.ofSeconds(10))) {
      assertThat(pcef.identity()).isEqualTo(pgw);
      HttpResponse<String> health = engine.get("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      connected = Presale.read(health);
    }

    assertThat(connected.path("status").asText()).isEqualTo("UP");
    assertThat(connected.path("checks").path("database").path("status").asText()).isEqualTo("UP");
    JsonNode diameter = connected.path("checks").path("diameter");
    assertThat(diameter.path("status").asText()).isEqualTo("UP");
    assertThat(diameter.path("listening").asText())
        .isEqualTo("127.0.0.1:" + engine.settings().gy().identity().port());
    assertThat(diameter.path("peers").findValuesAsText("host")).contains(pgw.host());
    for (JsonNode peer : diameter.path("peers")) {
      if (peer.path("host").asText().equals(pgw.host())) {
        assertThat(peer.path("realm").asText()).isEqualTo("pcef.simbundle.local");
        assertThat(peer.path("state").asText()).isEqualTo("OKAY");
      }
    }
  }

  @Test
  void healthIsDownWhenGyNoLongerTakesConnections() {
    try (TestEngine withoutGy = TestEngine.start("health_gy_down")) {
      withoutGy.engine().charging().close();

      HttpResponse<String> health = withoutGy.get("/health");

      assertThat(health.statusCode()).isEqualTo(503);
      JsonNode body = Presale.read(health);
      assertThat(body.path("status").asText()).isEqualTo("DOWN");
      assertThat(body.path("checks").path("diameter").path("status").asText()).isEqualTo("DOWN");
      assertThat(body.path("checks").path("database").path("status").asText()).isEqualTo("UP");
    }
  }
}
