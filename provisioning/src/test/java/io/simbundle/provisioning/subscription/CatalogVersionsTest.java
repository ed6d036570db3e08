package io.simbundle.provisioning.subscription;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each subscriber on the catalog version they bought: a later version that lowers WeChat's free cap
 * from 3 GB to 1 GB and drops free music changes new buyers only; one that moves existing
 * subscribers moves them when their next billing cycle begins, with a Re-Auth-Request.
 */
@EngineTest
class CatalogVersionsTest {

  private static final long MB = 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static Path catalogs;
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() throws IOException {
    catalogs = Files.createTempDirectory("catalog-versions");
    engine =
        TestEngine.start(
            TestDatabase.newSchemaSettings("catalog_versions"),
            Optional.of(catalogs),
            clock,
            Optional.empty());
    presale = new Presale(engine);
    presale.stock("GD", 40_000, 10);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  /** The demo catalog with WeChat's free traffic capped at 1 GB and free music withdrawn. */
  private static void publish(String version, String effectiveFrom, boolean moves) {
    try (InputStream demo =
        CatalogVersionsTest.class.getResourceAsStream("/catalog/demo-2026.11.yaml")) {
      String text =
          new String(demo.readAllBytes(), StandardCharsets.UTF_8)
              .replace("version: \"2026.11\"", "version: \"" + version + "\"")
              .replace(
                  "effectiveFrom: 2026-11-01T00:00:00+08:00", "effectiveFrom: " + effectiveFrom)
              .replace("movesExistingSubscribers: false", "movesExistingSubscribers: " + moves)
              .replace("monthlyCapMb: 3072", "monthlyCapMb: 1024");
      String freeMusic =
          text.substring(
              text.indexOf("        - code: free-music"),
              text.indexOf("        - code: hd-movies"));
      text = text.replace(freeMusic, "").replace("          excludes: [free-music]\n", "");
      Files.writeString(catalogs.resolve(version + ".yaml"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(engine.engine().catalog().reload().rejected()).isEmpty();
  }

  private static String activate(String... privileges) {
    String idNumber = Presale.newIdNumber("19900101");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    HttpResponse<String> activated =
        presale.activate(order.path("id").asText(), "张三", idNumber, privileges);
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(201);
    return read(activated).path("msisdn").asText();
  }

  private static ChargingProfile profile(String msisdn) {
    return engine.engine().charging().profile(msisdn).orElseThrow();
  }

  private static Optional<Long> weChatCap(String msisdn) {
    return profile(msisdn).zeroRated().stream()
        .filter(z -> z.privilegeCode().equals("wechat-free-traffic"))
        .findFirst()
        .orElseThrow()
        .monthlyCapBytes();
  }

  private static List<String> zeroRated(String msisdn) {
    return profile(msisdn).zeroRated().stream().map(ZeroRatedService::privilegeCode).toList();
  }

  @Test
  void aNewVersionChangesNewBuyersOnlyUntilOneMovesTheOthersAtTheirNextCycle() throws Exception {
    String early = activate("wechat-free-traffic", "free-music");
    assertThat(weChatCap(early)).contains(3072 * MB);

    publish("2026.11-lower", "2026-11-24T00:00:00+08:00", false);
    clock.advance(Duration.ofDays(1));
    String late = activate("wechat-free-traffic");
    String idNumber = Presale.newIdNumber("19900101");
    HttpResponse<String> withdrawn =
        presale.activate(
            presale.paidWeChatWoOrder(idNumber).path("id").asText(), "张三", idNumber, "free-music");

    assertThat(weChatCap(late)).contains(1024 * MB);
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(422);
    assertThat(read(withdrawn).path("type").asText()).endsWith("privileges-refused");

    // A new cycle under a version that does not move them: the early buyer keeps what was bought.
    clock.advance(Duration.ofDays(8)); // 2 December
    engine.engine().chargingSync().syncAll();
    assertThat(weChatCap(early)).contains(3072 * MB);
    assertThat(zeroRated(early)).containsExactly("wechat-free-traffic", "free-music");
    assertThat(weChatCap(late)).contains(1024 * MB);

    publish("2026.12-moving", "2026-12-10T00:00:00+08:00", true);
    clock.advance(Duration.ofDays(13)); // 15 December: the move waits for the next cycle
    engine.engine().chargingSync().syncAll();
    assertThat(weChatCap(early)).contains(3072 * MB);

    try (PcefSimulator pcef =
        PcefSimulator.connect(
            new DiameterIdentity(
                "pgw.versions.local", "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
            engine.settings().gy().identity(),
            TIMEOUT)) {
      Session session = pcef.newSession();
      pcef.send(
          session,
          pcef.creditControlRequest(
              session, GyAvp.INITIAL_REQUEST, 0, early, List.of(new Mscc(1000, 5 * MB, -1))),
          TIMEOUT);

      clock.advance(Duration.ofDays(18)); // 2 January 2027
      engine.engine().chargingSync().syncAll();

      assertThat(pcef.nextReAuthorization(TIMEOUT)).hasValue(session.getSessionId());
    }
    assertThat(weChatCap(early)).contains(1024 * MB);
    assertThat(zeroRated(early)).containsExactly("wechat-free-traffic");
  }
}
