package io.simbundle.provisioning.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.platform.json.Json;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.DemoSubscribers;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
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
        .contains("simbundle_charging_shards_owned 256.0")
        .contains("simbundle_charging_nodes_alive 1.0")
        .contains("simbundle_charging_lease_changes_total{change=\"acquired\"} 256.0")
        .contains("simbundle_charging_takeovers_total 0.0")
        .contains("jvm_memory_used_bytes");
  }

  /**
   * The Grafana dashboard and the Prometheus alert rules shipped in docs/monitoring query only
   * metrics the engine exposes, and the rules pass promtool's check and their unit tests.
   */
  @Test
  void theShippedDashboardAndAlertRulesUseTheEnginesMetricsAndPassPromtool() throws Exception {
    presale.placeAccepted(
        Presale.order(
            "OBS-MONITORING",
            Presale.newIdNumber("19930303"),
            "wechat-wo",
            "{\"type\": \"deposit\"}",
            CAMPAIGN));
    presale.browse(DemoSubscribers.WECHAT_WO, 1000, 1024);
    Set<String> exposed = new HashSet<>();
    Matcher sample =
        Pattern.compile("^([a-z_][a-z0-9_]*)", Pattern.MULTILINE)
            .matcher(engine.get("/metrics").body());
    while (sample.find()) {
      exposed.add(sample.group(1));
    }
    Path monitoring = Path.of("..", "docs", "monitoring");
    for (String file : List.of("simbundle-alerts.yml", "simbundle-dashboard.json")) {
      Matcher used =
          Pattern.compile("simbundle_[a-z0-9_]+")
              .matcher(Files.readString(monitoring.resolve(file)));
      Set<String> names = new HashSet<>();
      while (used.find()) {
        names.add(used.group());
      }
      assertThat(names).as("metrics queried in %s", file).isNotEmpty();
      assertThat(exposed).as("metrics the engine exposes, for %s", file).containsAll(names);
    }
    JsonNode dashboard =
        Json.mapper().readTree(monitoring.resolve("simbundle-dashboard.json").toFile());
    assertThat(dashboard.path("panels").findValuesAsText("expr")).hasSizeGreaterThan(10);

    Path promtool = Path.of("/usr/bin/promtool");
    Assumptions.assumeTrue(
        Files.isExecutable(promtool),
        "promtool is not installed (Debian package prometheus; .ci/run installs it)");
    assertThat(run(monitoring, promtool.toString(), "check", "rules", "simbundle-alerts.yml"))
        .contains("SUCCESS: 8 rules found");
    assertThat(run(monitoring, promtool.toString(), "test", "rules", "simbundle-alerts.test.yml"))
        .contains("SUCCESS");
  }

  private static String run(Path directory, String... command) throws Exception {
    Process process =
        new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(output).isZero();
    return output;
  }

  @Test
  void gyRequestsAreTimedByTypeAndResultCodeAndZeroRatedBytesCountedPerPartner() {
    double zeroRatedBefore = tencentZeroRated(engine.get("/metrics").body());
    presale.browse(DemoSubscribers.WECHAT_WO, 1000, 64 * 1024);

    String metrics = engine.get("/metrics").body();

    for (String type : new String[] {"initial", "termination"}) {
      assertThat(metrics)
          .containsPattern(
              "simbundle_gy_requests_seconds_count\\{result=\"2001\",type=\""
                  + type
                  + "\"\\} [1-9]");
    }
    assertThat(metrics).contains("simbundle_gy_requests_seconds_bucket{result=\"2001\"");
    assertThat(tencentZeroRated(metrics) - zeroRatedBefore).isEqualTo(64 * 1024);
  }

  /** The bytes zero-rated for Tencent so far (other tests of this class browse too). */
  private static double tencentZeroRated(String metrics) {
    Matcher value =
        Pattern.compile(
                "^simbundle_zero_rated_bytes_total\\{partner=\"tencent\"\\} (\\S+)$",
                Pattern.MULTILINE)
            .matcher(metrics);
    return value.find() ? Double.parseDouble(value.group(1)) : 0;
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
    // A node alone on its database decides for every shard.
    JsonNode charging = connected.path("checks").path("charging");
    assertThat(charging.path("node").asText()).isEqualTo("ocs.simbundle.local");
    assertThat(charging.path("shardsOwned").asInt()).isEqualTo(256);
    assertThat(charging.path("shards").asText()).isEqualTo("0-255");
    assertThat(charging.path("nodes").findValuesAsText("node"))
        .containsExactly("ocs.simbundle.local");
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
