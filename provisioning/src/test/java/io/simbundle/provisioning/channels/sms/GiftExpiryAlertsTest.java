package io.simbundle.provisioning.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.outbox.OutboxMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A subscriber is told once, three days before, that a one-off gift with data left expires — by SMS
 * through a real SMPP server — and not before, and not twice.
 */
@EngineTest
class GiftExpiryAlertsTest {

  private static EngineWithSmsc sms;
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    sms = EngineWithSmsc.start("gift_expiry", "zh", 56_000, 2);
    engine = sms.engine;
    presale = sms.presale;
  }

  @AfterAll
  static void stop() {
    sms.close();
  }

  private static int tellDue() {
    return engine.engine().subscriptions().giftExpiryNotices().tellDue(500);
  }

  @Test
  void theWelcomeGiftIsToldOnceThreeDaysBeforeItExpires() {
    EngineWithSmsc.Subscriber subscriber = sms.activated("19970707", "wechat-free-traffic");
    long productId = subscriber.productId();
    String msisdn = subscriber.msisdn();

    sms.clock.advance(
        Duration.ofDays(26).plusHours(23)); // the 30-day welcome gift: 3 days and 1 h left
    int early = tellDue();
    sms.clock.advance(Duration.ofHours(2));
    int due = tellDue();
    int again = tellDue();
    engine.engine().outbox().deliverDue();
    List<OutboxMessage> notices =
        engine.engine().subscriptions().noticesTo(productId).stream()
            .filter(n -> n.kind().equals("gift.expiring"))
            .toList();
    List<String> texts =
        sms.smsc.submitted().stream()
            .filter(s -> s.destination().equals(msisdn))
            .map(s -> SmsText.joined(List.of(s.part())))
            .filter(text -> text.contains("赠送流量"))
            .toList();

    assertThat(early).isZero();
    assertThat(due).isEqualTo(1);
    assertThat(again).as("told once").isZero();
    assertThat(notices).singleElement();
    assertThat(notices.get(0).payload().path("gift").asText()).isEqualTo("welcome-gift");
    assertThat(notices.get(0).payload().path("expiresAt").asText()).startsWith("2026-12-23");
    assertThat(texts).containsExactly("【沃】您的赠送流量“welcome-gift”还剩500 MB，将于2026-12-23到期，请尽快使用。");
  }
}
