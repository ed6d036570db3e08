package io.simbundle.provisioning.channels.sms;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.channels.sms.EngineWithSmsc.Subscriber;
import io.simbundle.provisioning.outbox.OutboxMessage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Usage alerts reach subscribers as SMS through a real SMPP server: in Chinese as UCS-2, with their
 * delivery receipts recorded; a throttled submit, a dropped bind and an undelivered text are tried
 * again through the outbox until the text is delivered, or dead-lettered.
 */
@EngineTest
class SmsAlertsTest {

  private static final long MB = 1024 * 1024;
  private static EngineWithSmsc sms;
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    sms = EngineWithSmsc.start("sms_alerts", "zh", 51_000, 5);
    engine = sms.engine;
    presale = sms.presale;
  }

  @AfterAll
  static void stop() {
    sms.close();
  }

  /** A new WeChat Wo subscriber who has just used 80 % of the allowance: told in the outbox. */
  private static Subscriber atEightyPercent() {
    Subscriber subscriber = sms.activated("19910101", "wechat-free-traffic");
    long gifts =
        engine
            .engine()
            .charging()
            .balance(subscriber.msisdn())
            .orElseThrow()
            .giftsLeftBytes()
            .values()
            .stream()
            .mapToLong(Long::longValue)
            .sum();
    presale.browse(subscriber.msisdn(), 10, gifts + 410 * MB);
    await().atMost(Duration.ofSeconds(10)).until(() -> notices(subscriber).size() == 1);
    return subscriber;
  }

  private static List<OutboxMessage> notices(Subscriber subscriber) {
    return engine.engine().subscriptions().noticesTo(subscriber.productId());
  }

  private static OutboxMessage alert(Subscriber subscriber) {
    return notices(subscriber).get(0);
  }

  /** The usage alerts the SMSC took for a subscriber (not the code the activation needed). */
  private static List<TestSmsc.Submitted> textsTo(Subscriber subscriber) {
    return sms.smsc.submitted().stream()
        .filter(s -> s.destination().equals(subscriber.msisdn()))
        .filter(s -> SmsText.joined(List.of(s.part())).contains("%"))
        .toList();
  }

  private static int deliver() {
    return engine.engine().outbox().deliverDue();
  }

  @Test
  void aUsageAlertReachesTheSubscriberAsAChineseSmsAndItsReceiptIsRecorded() {
    Subscriber subscriber = atEightyPercent();

    int delivered = deliver();

    assertThat(delivered).isEqualTo(1);
    List<TestSmsc.Submitted> texts = textsTo(subscriber);
    assertThat(texts).hasSize(1);
    assertThat(texts.get(0).dataCoding()).as("UCS-2").isEqualTo((byte) 8);
    assertThat(SmsText.joined(List.of(texts.get(0).part())))
        .as("the demo catalog's words")
        .isEqualTo("【沃】您本月套餐流量已用80%（410 MB/500 MB），可在“我的卡”查看明细。");
    long id = alert(subscriber).id();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                engine.engine().sms().submissions(id).stream()
                    .allMatch(part -> part.receipt().equals(Optional.of("DELIVRD"))));
    assertThat(engine.engine().sms().submissions(id))
        .singleElement()
        .satisfies(part -> assertThat(part.smscMessageId()).isEqualTo(texts.get(0).id()));
    assertThat(alert(subscriber).deliveredAt()).isPresent();
    JsonNode health = read(engine.get("/health"));
    assertThat(health.path("checks").path("sms").path("status").asText()).isEqualTo("UP");
  }

  @Test
  void aThrottledSubmitAndADroppedBindAreTriedAgainUntilTheTextGoesThrough() {
    Subscriber subscriber = atEightyPercent();
    deliver(); // binds, if no earlier test did
    int bindsBefore = sms.smsc.binds();
    Subscriber second = atEightyPercent();
    sms.smsc.throttleNext(1);

    int throttled = deliver();
    OutboxMessage afterThrottle = alert(second);
    sms.smsc.dropBinds();
    sms.clock.advance(Duration.ofSeconds(1));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              sms.clock.advance(Duration.ofSeconds(4));
              deliver();
              return alert(second).deliveredAt().isPresent();
            });

    assertThat(throttled).isZero();
    assertThat(afterThrottle.attempts()).isEqualTo(1);
    assertThat(afterThrottle.deliveredAt()).isEmpty();
    assertThat(textsTo(second)).as("taken once, after the throttle and the new bind").hasSize(1);
    assertThat(sms.smsc.binds()).as("bound again after the drop").isGreaterThan(bindsBefore);
    assertThat(textsTo(subscriber)).hasSize(1);
  }

  @Test
  void aTextTheReceiptSaysWasNotDeliveredIsSentAgainAndDeadLetteredWhenItNeverIs() {
    Subscriber subscriber = atEightyPercent();
    sms.smsc.receipts(DeliveryReceiptState.UNDELIV);
    try {
      long id = alert(subscriber).id();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () -> {
                sms.clock.advance(Duration.ofSeconds(5));
                deliver();
                return engine.engine().outbox().deadLetters().stream()
                    .anyMatch(dead -> dead.id() == id);
              });

      assertThat(textsTo(subscriber)).as("sent once per attempt, three attempts").hasSize(3);
      assertThat(engine.engine().sms().submissions(id))
          .hasSize(3)
          .allSatisfy(part -> assertThat(part.receipt()).hasValue("UNDELIV"));
    } finally {
      sms.smsc.receipts(DeliveryReceiptState.DELIVRD);
    }
  }
}
