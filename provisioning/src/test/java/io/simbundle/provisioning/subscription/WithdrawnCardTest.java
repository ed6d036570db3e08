package io.simbundle.provisioning.subscription;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A later catalog version withdraws WeChat Wo, even one that moves existing subscribers: those who
 * bought it keep being served by the version they bought — their new cycle's profile is installed,
 * not refused as a withdrawn product — while the card is no longer sold.
 */
@EngineTest
class WithdrawnCardTest {

  private static final long MB = 1024 * 1024;

  @Test
  void aCardWithdrawnLaterKeepsServingThoseWhoBoughtIt() throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    Path catalogs = Files.createTempDirectory("withdrawn-card");
    try (TestEngine engine =
        TestEngine.start(
            TestDatabase.newSchemaSettings("withdrawn_card"),
            Optional.of(catalogs),
            clock,
            Optional.empty())) {
      Presale presale = new Presale(engine);
      presale.stock("GD", 60_000, 2);
      String idNumber = Presale.newIdNumber("19900101");
      HttpResponse<String> activated =
          presale.activate(
              presale.paidWeChatWoOrder(idNumber).path("id").asText(),
              "张三",
              idNumber,
              "wechat-free-traffic");
      assertThat(activated.statusCode()).as(activated.body()).isEqualTo(201);
      JsonNode product = read(activated);

      Files.writeString(catalogs.resolve("without-wechat-wo.yaml"), withoutWeChatWo());
      assertThat(engine.engine().catalog().reload().rejected()).isEmpty();
      clock.advance(Duration.ofDays(9)); // 2 December: a new cycle under the moving version
      engine.engine().chargingSync().syncAll();

      ChargingProfile december =
          engine.engine().charging().profile(product.path("msisdn").asText()).orElseThrow();
      assertThat(december.cycleStart()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
      assertThat(december.zeroRated())
          .singleElement()
          .satisfies(free -> assertThat(free.monthlyCapBytes()).contains(3072 * MB));
      JsonNode subscription =
          read(
              engine.adminGet(
                  "/tmf-api/productInventory/v5/product/" + product.path("id").asText()));
      assertThat(subscription.path("status").asText()).isEqualTo("active");
      assertThat(subscription.path("zeroRatedRatingGroups").toString()).isEqualTo("[1000]");
      assertThat(
              engine
                  .get("/tmf-api/productCatalogManagement/v5/productOffering/wechat-wo")
                  .statusCode())
          .as("no longer sold")
          .isEqualTo(404);
    }
  }

  /** The demo catalog without WeChat Wo and its presale, moving existing subscribers. */
  private static String withoutWeChatWo() throws IOException {
    try (InputStream demo =
        WithdrawnCardTest.class.getResourceAsStream("/catalog/demo-2026.11.yaml")) {
      String text =
          new String(demo.readAllBytes(), StandardCharsets.UTF_8)
              .replace("version: \"2026.11\"", "version: \"2026.11-without-wechat-wo\"")
              .replace(
                  "effectiveFrom: 2026-11-01T00:00:00+08:00",
                  "effectiveFrom: 2026-11-24T00:00:00+08:00")
              .replace("movesExistingSubscribers: false", "movesExistingSubscribers: true");
      text = cut(text, "  - code: wechat-wo\n", "  - code: yixin-card\n");
      return cut(text, "  - code: yixun-wechat-wo-presale\n", "  - code: tmall-double-11\n");
    }
  }

  private static String cut(String text, String from, String to) {
    int start = text.indexOf(from);
    int end = text.indexOf(to);
    assertThat(start).as(from).isNotNegative();
    assertThat(end).as(to).isGreaterThan(start);
    return text.substring(0, start) + text.substring(end);
  }
}
