package io.simbundle.provisioning.subscription;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.CallbackReceiver;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.outbox.RequestSignature;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alipay credit's "0-yuan phone": each month the engine asks the payer — a real HTTP endpoint here
 * — to collect the fee by a signed message; the payer pays, declines or stays silent by signed
 * callback; a fee unpaid past the 3-day grace suspends the subscription (Gy answers 4010) until it
 * is paid; a paid fee the payer reverses (charged back) is unpaid again with a new grace.
 */
@EngineTest
class CreditInstalmentTest {

  private static final Instant NOVEMBER = Instant.parse("2026-11-23T08:00:00Z");
  private static final Duration GRACE = Duration.ofDays(3);
  private static final long DIAMETER_SUCCESS = 2001;
  private static final long END_USER_SERVICE_DENIED = 4010;
  private static final MutableClock clock = new MutableClock(NOVEMBER);
  private static TestEngine engine;
  private static Presale presale;
  private static CallbackReceiver alipay;
  private static String secret;
  private static String msisdn;
  private static long product;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("credit_instalments", clock);
    presale = new Presale(engine);
    presale.stock("GD", 99_500, 5);
    alipay = CallbackReceiver.start();
    HttpResponse<String> endpoint =
        engine.json(
            "PUT", "/admin/partners/alipay/endpoint", "{\"url\": \"" + alipay.uri() + "\"}", true);
    secret = read(endpoint).path("secret").asText();
    String idNumber = Presale.newIdNumber("19820202");
    JsonNode order =
        presale.placeAccepted(
            Presale.order(
                    "TM-CREDIT-1",
                    idNumber,
                    "tmall-card",
                    "{\"type\": \"credit\", \"payer\": \"alipay\", \"authorizationId\": \"ZM-42\"}",
                    ", \"campaign\": {\"id\": \"tmall-flagship\"}")
                .replace("\"yixun\"", "\"tmall\""));
    assertThat(order.path("payment").path("instalmentMonths").asInt()).isEqualTo(12);
    JsonNode activated =
        read(presale.activate(order.path("id").asText(), "张三", idNumber, "taobao-free-traffic"));
    msisdn = activated.path("msisdn").asText();
    product = activated.path("id").asLong();
    engine.engine().chargingSync().syncAll();
  }

  @AfterAll
  static void stop() {
    alipay.close();
    engine.close();
  }

  /** Charges the month's fees and delivers the payer's requests; the last one it got. */
  private static JsonNode collectRequested() {
    engine.engine().chargingSync().syncAll();
    assertThat(engine.engine().subscriptions().chargeMonthlyFees(100)).isEqualTo(1);
    // Messages for the store and the subscriber, with nowhere to go here, wait in front of it.
    for (int round = 0; round < 5; round++) {
      engine.engine().outbox().deliverDue();
    }
    CallbackReceiver.Received request = alipay.received().get(alipay.received().size() - 1);
    assertThat(request.header("X-Simbundle-Kind")).isEqualTo("fee.collect");
    assertThat(
            RequestSignature.refusal(
                List.of(secret),
                request.header("X-Simbundle-Timestamp"),
                request.header("X-Simbundle-Signature"),
                request.body(),
                clock.instant()))
        .as("signed with the payer's secret")
        .isEmpty();
    return read(request.body());
  }

  private static HttpResponse<String> answer(long fee, String outcome, String key) {
    return presale.signedPost(
        "/api/v1/payers/alipay/collection",
        key,
        "{\"fee\": "
            + fee
            + ", \"outcome\": \""
            + outcome
            + "\", \"reference\": \"ALI-"
            + fee
            + "\"}",
        clock.instant());
  }

  private static String status() {
    return read(engine.adminGet("/tmf-api/productInventory/v5/product/" + product))
        .path("status")
        .asText();
  }

  @Test
  void thePayerPaysDeclinesAndGoesSilentAndAnUnpaidFeeSuspendsTheCardUntilPaid() {
    JsonNode november = collectRequested();
    assertThat(november.path("amountFen").asLong()).isEqualTo(5900);
    assertThat(november.path("instalment").asInt()).isEqualTo(1);
    assertThat(november.path("instalments").asInt()).isEqualTo(12);
    assertThat(november.path("authorizationId").asText()).isEqualTo("ZM-42");
    assertThat(november.toString()).doesNotContain(msisdn).doesNotContain("张");
    HttpResponse<String> paid = answer(november.path("fee").asLong(), "paid", secret);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
    assertThat(read(paid).path("collection").asText()).isEqualTo("paid");
    assertThat(answer(november.path("fee").asLong(), "paid", secret).statusCode())
        .as("paid already")
        .isEqualTo(409);

    clock.set(Instant.parse("2026-12-02T02:00:00Z"));
    JsonNode december = collectRequested();
    assertThat(december.path("instalment").asInt()).isEqualTo(2);
    assertThat(
            read(answer(december.path("fee").asLong(), "declined", secret))
                .path("collection")
                .asText())
        .isEqualTo("declined");
    assertThat(engine.engine().subscriptions().suspendForUnpaidCredit(GRACE, 100))
        .as("within the grace")
        .isZero();
    clock.advance(GRACE.plusSeconds(1));
    assertThat(engine.engine().subscriptions().suspendForUnpaidCredit(GRACE, 100)).isEqualTo(1);
    assertThat(status()).isEqualTo("suspended");
    assertThat(presale.browse(msisdn, 10, 1024)).isEqualTo(END_USER_SERVICE_DENIED);

    HttpResponse<String> late = answer(december.path("fee").asLong(), "paid", secret);

    assertThat(read(late).path("productStatus").asText()).isEqualTo("active");
    assertThat(presale.browse(msisdn, 10, 1024)).isEqualTo(DIAMETER_SUCCESS);

    clock.advance(Duration.ofDays(5));
    HttpResponse<String> chargedBack = answer(december.path("fee").asLong(), "reversed", secret);
    assertThat(chargedBack.statusCode()).as(chargedBack.body()).isEqualTo(200);
    assertThat(read(chargedBack).path("collection").asText()).isEqualTo("reversed");
    assertThat(engine.engine().subscriptions().suspendForUnpaidCredit(GRACE, 100))
        .as("a new grace from the reversal")
        .isZero();
    clock.advance(GRACE.plusSeconds(1));
    assertThat(engine.engine().subscriptions().suspendForUnpaidCredit(GRACE, 100)).isEqualTo(1);
    assertThat(presale.browse(msisdn, 10, 1024)).isEqualTo(END_USER_SERVICE_DENIED);
    assertThat(
            read(answer(december.path("fee").asLong(), "paid", secret))
                .path("productStatus")
                .asText())
        .isEqualTo("active");
    assertThat(presale.browse(msisdn, 10, 1024)).isEqualTo(DIAMETER_SUCCESS);

    clock.set(Instant.parse("2027-01-02T02:00:00Z"));
    JsonNode january = collectRequested();
    clock.advance(GRACE.plusSeconds(1));
    assertThat(engine.engine().subscriptions().suspendForUnpaidCredit(GRACE, 100))
        .as("the payer stayed silent")
        .isEqualTo(1);
    assertThat(status()).isEqualTo("suspended");
    assertThat(january.path("instalment").asInt()).isEqualTo(3);
    JsonNode history = read(engine.adminGet("/api/v1/audit/product/" + product));
    assertThat(history.findValuesAsText("reason"))
        .contains(
            "monthly fee for 2026-12 declined by alipay (reference ALI-"
                + december.path("fee").asLong()
                + ")",
            "monthly fee for 2027-01 not paid by alipay within 3 days",
            "monthly fee for 2026-12 reversed by alipay (reference ALI-"
                + december.path("fee").asLong()
                + ")");
  }

  @Test
  void aPayersCallbackIsSignedNamesItsOwnFeeAndSaysPaidDeclinedOrReversed() {
    HttpResponse<String> forged = answer(1, "paid", "not-the-secret");
    HttpResponse<String> unknown = answer(999_999, "paid", secret);
    HttpResponse<String> unsure = answer(1, "maybe", secret);

    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unsure.statusCode()).isEqualTo(400);
    assertThat(read(unsure).path("invalidParams").findValuesAsText("reason"))
        .containsExactly("paid, declined or reversed");
  }
}
