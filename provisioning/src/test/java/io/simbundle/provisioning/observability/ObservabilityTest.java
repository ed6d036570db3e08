package io.simbundle.provisioning.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.demo.DemoSubscribers;
import io.simbundle.provisioning.engine.TestEngine;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Prometheus metrics and the health check reflect what the engine did and can do. */
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
  void healthIsUpWhenTheDatabaseAnswersAndGyTakesConnections() {
    HttpResponse<String> health = engine.get("/health");

    assertThat(health.statusCode()).isEqualTo(200);
    JsonNode body = Presale.read(health);
    assertThat(body.path("status").asText()).isEqualTo("UP");
    assertThat(body.path("checks").path("database").asText()).isEqualTo("UP");
    assertThat(body.path("checks").path("diameter").asText()).isEqualTo("UP");
  }
}
