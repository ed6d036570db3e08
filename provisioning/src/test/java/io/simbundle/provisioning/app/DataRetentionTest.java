package io.simbundle.provisioning.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.channels.sms.EngineWithSmsc;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Data that has served its purpose is forgotten on time and not before: codes after a day, a
 * self-care session once it expired, delivered messages after 30 days, SMS receipts after 90;
 * messages not yet delivered, orders and subscriptions stay. Every row comes from the real flows:
 * an activation with its code through a real SMPP server, a self-care sign-in.
 */
@EngineTest
class DataRetentionTest {

  private static EngineWithSmsc sms;

  @BeforeAll
  static void start() {
    sms = EngineWithSmsc.start("retention", "en", 57_000, 4);
  }

  @AfterAll
  static void stop() {
    sms.close();
  }

  private static long count(String sql) throws SQLException {
    return TestDatabase.count(sms.engine.settings().database(), sql);
  }

  private static long rows(String table) throws SQLException {
    return count("SELECT COUNT(*) FROM " + table);
  }

  private static HttpResponse<String> signIn(String msisdn) {
    HttpResponse<String> asked =
        sms.engine.post("/api/v1/my/code", "{\"msisdn\": \"" + msisdn + "\"}");
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    String code = sms.codeSentTo(msisdn);
    return sms.engine.send(
        HttpRequest.newBuilder(sms.engine.uri("/api/v1/my/session"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"msisdn\": \"" + msisdn + "\", \"code\": \"" + code + "\"}"))
            .build());
  }

  private static DataRetention.Forgotten after(Duration passed) {
    sms.clock.advance(passed);
    return sms.engine.engine().retention().run();
  }

  @Test
  void whatHasServedItsPurposeIsForgottenOnTimeAndNothingElse() throws Exception {
    EngineWithSmsc.Subscriber subscriber = sms.activated("19880808", "wechat-free-traffic");
    assertThat(sms.presale.browse(subscriber.msisdn(), 1000, 2 * 1024 * 1024)).isEqualTo(2001);
    long usage = sms.engine.engine().charging().usage(subscriber.msisdn()).size();
    assertThat(signIn(subscriber.msisdn()).statusCode()).isEqualTo(201);
    sms.engine.engine().outbox().deliverDue();
    long codes = rows("one_time_code");
    long delivered = count("SELECT COUNT(*) FROM outbox_message WHERE delivered_at IS NOT NULL");
    long receipts = rows("sms_submission");
    long orders = rows("product_order");
    assertThat(codes).as("the activation's and the sign-in's").isEqualTo(2);
    assertThat(delivered).isPositive();
    assertThat(receipts).isPositive();
    assertThat(rows("self_care_session")).isEqualTo(1);
    // A message that cannot go out yet (its store's callback URL refuses) stays however old.
    sms.engine.adminPost(
        "/admin/stores",
        """
        {"id": "yixun", "name": "Yixun", "callbackUrl": "http://127.0.0.1:9/down",
         "campaigns": ["yixun-wechat-wo-presale"]}
        """);
    sms.presale.paidWeChatWoOrder(io.simbundle.provisioning.Presale.newIdNumber("19770707"));
    long waiting = count("SELECT COUNT(*) FROM outbox_message WHERE delivered_at IS NULL");

    DataRetention.Forgotten atOnce = sms.engine.engine().retention().run();
    DataRetention.Forgotten nextDay = after(Duration.ofDays(1).plusMinutes(1));

    assertThat(atOnce.total()).as("nothing is due yet").isZero();
    assertThat(nextDay.codes()).isEqualTo(2);
    assertThat(nextDay.sessions()).as("a 30-minute session").isEqualTo(1);
    assertThat(nextDay.deliveredMessages()).isZero();
    assertThat(rows("one_time_code") + rows("self_care_session")).isZero();

    DataRetention.Forgotten month = after(Duration.ofDays(30));

    assertThat(month.deliveredMessages()).isEqualTo(delivered);
    assertThat(month.smsReceipts()).isZero();
    assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE delivered_at IS NOT NULL"))
        .isZero();
    assertThat(count("SELECT COUNT(*) FROM outbox_message WHERE delivered_at IS NULL"))
        .as("not delivered yet")
        .isEqualTo(waiting)
        .isPositive();

    DataRetention.Forgotten quarter = after(Duration.ofDays(60));

    assertThat(quarter.smsReceipts()).isEqualTo(receipts);
    assertThat(rows("sms_submission")).isZero();
    assertThat(quarter.chargingUsage()).isZero();
    assertThat(usage).isPositive();

    DataRetention.Forgotten aYearOn = after(Duration.ofDays(310));

    assertThat(aYearOn.chargingUsage()).as("400 days on").isEqualTo(usage);
    assertThat(aYearOn.chargingDecisions()).isPositive();
    assertThat(sms.engine.engine().charging().usage(subscriber.msisdn())).isEmpty();
    assertThat(rows("product_order")).as("records of the business stay").isEqualTo(orders + 1);
    assertThat(rows("product")).isEqualTo(1);
  }
}
