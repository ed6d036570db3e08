package io.simbundle.provisioning.subscription;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.OutboxMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A subscriber passing 80 % and then all of the plan's data gets one usage.threshold message each
 * in the outbox, addressed by subscription (no number in the key), and no more for further use.
 */
@EngineTest
class UsageAlertsTest {

  private static final long MB = 1024 * 1024;
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("usage_alerts");
    presale = new Presale(engine);
    presale.stock("GD", 50_000, 5);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static List<OutboxMessage> notices(long productId) {
    return engine.engine().subscriptions().noticesTo(productId);
  }

  @Test
  void eightyPercentAndAllOfTheAllowanceAreToldOnceEach() {
    String idNumber = Presale.newIdNumber("19900101");
    JsonNode product =
        read(
            presale.activate(
                presale.paidWeChatWoOrder(idNumber).path("id").asText(),
                "张三",
                idNumber,
                "wechat-free-traffic"));
    long productId = product.path("id").asLong();
    String msisdn = product.path("msisdn").asText();

    // The buyer's gifts pay first (welcome and presale bonus); the allowance after them.
    long gifts =
        engine.engine().charging().balance(msisdn).orElseThrow().giftsLeftBytes().values().stream()
            .mapToLong(Long::longValue)
            .sum();
    assertThat(gifts).isPositive();
    presale.browse(msisdn, 10, gifts + 410 * MB);
    await().atMost(Duration.ofSeconds(10)).until(() -> notices(productId).size() == 1);
    presale.browse(msisdn, 10, 90 * MB);
    await().atMost(Duration.ofSeconds(10)).until(() -> notices(productId).size() == 2);
    presale.browse(msisdn, 10, MB);
    // Nothing more comes of further use: the two notices stay two.
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> notices(productId).size() == 2);

    List<OutboxMessage> told = notices(productId);
    assertThat(told)
        .allSatisfy(
            notice -> {
              assertThat(notice.kind()).isEqualTo("usage.threshold");
              assertThat(notice.destination()).isEqualTo(Destination.subscriber(productId));
              assertThat(notice.destination().key()).doesNotContain(msisdn);
              assertThat(notice.payload().path("meter").asText()).isEqualTo("DATA");
              assertThat(notice.payload().path("limit").asLong()).isEqualTo(500 * MB);
            });
    assertThat(told)
        .extracting(notice -> notice.payload().path("percent").asInt())
        .containsExactly(80, 100);
    assertThat(told.get(0).payload().path("used").asLong()).isEqualTo(410 * MB);
    assertThat(told.get(0).deliveredAt())
        .as("no SMSC configured: it waits in the outbox")
        .isEmpty();
  }
}
