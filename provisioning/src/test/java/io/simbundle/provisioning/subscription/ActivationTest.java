package io.simbundle.provisioning.subscription;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.Balance;
import io.simbundle.charging.profile.ProfileOrigin;
import io.simbundle.charging.store.UsageRecord;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.PersonalDataLeaks;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A paid order becomes an active subscription: the holder is checked, the privileges are checked,
 * the charging profile is installed (and honoured on Gy), the partner's perks are queued.
 */
@EngineTest
class ActivationTest {

  private static final long MB = 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static PersonalDataLeaks leaks;
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    leaks = PersonalDataLeaks.watch();
    engine = TestEngine.start("activation");
    presale = new Presale(engine);
    presale.stock("GD", 20_000, 20);
  }

  @AfterAll
  static void stop() {
    engine.close();
    leaks.close();
  }

  @Test
  void paidOrderBecomesAnActiveSubscriptionWhoseWeChatTrafficIsFree() throws Exception {
    String idNumber = Presale.newIdNumber("19900307");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    String msisdn = order.path("productOrderItem").get(0).path("product").path("msisdn").asText();

    HttpResponse<String> response =
        presale.activate(
            order.path("id").asText(),
            "张三",
            idNumber,
            "wechat-free-traffic",
            "group-chat-60",
            "free-emoticons");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonNode product = read(response);
    assertThat(product.path("status").asText()).isEqualTo("active");
    assertThat(product.path("msisdn").asText()).isEqualTo(msisdn);
    assertThat(product.path("zeroRatedRatingGroups").toString()).isEqualTo("[1000]");
    JsonNode orderAfter = read(engine.adminGet(Presale.ORDERS + "/" + order.path("id").asText()));
    assertThat(orderAfter.path("state").asText()).isEqualTo("completed");

    Balance balance = engine.engine().charging().balance(msisdn).orElseThrow();
    assertThat(balance.allowanceBytes()).isEqualTo(500 * MB);
    assertThat(balance.smsPerCycle()).as("the plan's 50 SMS").isEqualTo(50);
    assertThat(balance.smsLeft()).isEqualTo(50);
    assertThat(balance.voiceSecondsPerCycle()).as("the plan's 100 minutes").isEqualTo(6000);
    assertThat(presale.browse(msisdn, 1000, 3 * MB)).isEqualTo(2001);
    assertThat(engine.engine().charging().usage(msisdn))
        .extracting(UsageRecord::ratingGroup, UsageRecord::paidByKind, UsageRecord::partnerCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1000L, "ZERO_RATED", "tencent"));
    assertThat(engine.engine().charging().balance(msisdn).orElseThrow().allowanceUsedBytes())
        .isZero();
    // Every charging decision records where the subscriber's profile came from.
    ProfileOrigin origin = engine.engine().charging().profile(msisdn).orElseThrow().origin();
    assertThat(origin.catalogVersion()).isEqualTo(engine.engine().catalog().current().version());
    assertThat(origin.ruleSetVersion()).matches("r\\d+-[0-9a-f]{12}");
  }

  @Test
  void partnerPerksAreQueuedForThePartnerAndEveryStepIsAudited() {
    String idNumber = Presale.newIdNumber("19900307");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);

    JsonNode product =
        read(
            presale.activate(
                order.path("productOrderItem").get(0).path("product").path("iccid").asText(),
                "张三",
                idNumber,
                "group-chat-60",
                "free-games"));

    JsonNode perks = read(engine.adminGet("/api/v1/audit/product/" + product.path("id").asText()));
    assertThat(perks.findValuesAsText("to")).containsExactly("created", "active");
    assertThat(perks.get(0).path("actor").asText()).isEqualTo("subscriber");
    assertThat(perks.get(1).path("actor").asText()).isEqualTo("system");
    assertThat(
            engine.engine().subscriptions().perkNotices("tencent").stream()
                .filter(
                    m -> m.payload().path("productId").asText().equals(product.path("id").asText()))
                .map(m -> m.kind() + ":" + m.payload().path("perkCode").asText()))
        .containsExactlyInAnyOrder("perk.activate:GROUP_CHAT_60", "perk.activate:FREE_GAMES");
  }

  @Test
  void onlyTheBuyerCanActivateAndTheRulesCheckTheChoice() {
    String idNumber = Presale.newIdNumber("19900307");
    String orderId = presale.paidWeChatWoOrder(idNumber).path("id").asText();

    HttpResponse<String> stranger =
        presale.activate(orderId, "张三", Presale.newIdNumber("19900307"), "free-games");
    HttpResponse<String> invalidChoice =
        presale.activate(orderId, "张三", idNumber, "free-music", "hd-movies");
    HttpResponse<String> activated = presale.activate(orderId, "张三", idNumber, "free-games");
    HttpResponse<String> again = presale.activate(orderId, "张三", idNumber, "free-games");

    assertThat(stranger.statusCode()).isEqualTo(422);
    assertThat(read(stranger).path("reasons").findValuesAsText("code"))
        .containsExactly("REAL_NAME_MISMATCH");
    assertThat(invalidChoice.statusCode()).isEqualTo(422);
    assertThat(read(invalidChoice).path("reasons").findValuesAsText("code"))
        .containsExactly("PRIVILEGES_EXCLUSIVE");
    assertThat(activated.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(read(again).path("detail").asText()).isEqualTo("this card is already activated");
  }

  @Test
  void unpaidOrdersAndUnknownCardsCannotBeActivated() {
    String idNumber = Presale.newIdNumber("19900307");
    JsonNode unpaid = presale.placeAccepted(Presale.weChatWoOrder("unpaid-act", idNumber));

    HttpResponse<String> notPaid =
        presale.activate(unpaid.path("id").asText(), "张三", idNumber, "free-games");
    HttpResponse<String> unknown = presale.activate("NOSUCHCODE99", "张三", idNumber, "free-games");

    assertThat(notPaid.statusCode()).isEqualTo(409);
    assertThat(read(notPaid).path("detail").asText()).endsWith("is not paid yet");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void idNumbersNeverReachTheLogsAndAreStoredSealed() throws Exception {
    String idNumber = Presale.newIdNumber("19900307");
    String orderId = presale.paidWeChatWoOrder(idNumber).path("id").asText();
    presale.activate(orderId, "王五", idNumber, "free-games");
    presale.activate(orderId, "张三", idNumber, "free-games");

    leaks.assertNeverLogged(idNumber);
    PersonalDataLeaks.assertNeverStoredInTheClear(
        engine, idNumber, List.of("product_order", "product", "provisioning_audit"));
  }

  @Test
  void anActivationDuringAChargingOutageIsKeptAndCompletedWhenChargingReturns() throws Exception {
    String idNumber = Presale.newIdNumber("19900307");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    String msisdn = order.path("productOrderItem").get(0).path("product").path("msisdn").asText();

    HttpResponse<String> during;
    sql("RENAME TABLE charging_journal TO charging_journal_away");
    try {
      during = presale.activate(order.path("id").asText(), "张三", idNumber, "free-games");
      assertThat(engine.engine().chargingSync().syncAll()).isZero();
    } finally {
      sql("RENAME TABLE charging_journal_away TO charging_journal");
    }
    int synced = engine.engine().chargingSync().syncAll();

    assertThat(during.statusCode()).as(during.body()).isEqualTo(202);
    assertThat(read(during).path("status").asText()).isEqualTo("created");
    assertThat(synced).isEqualTo(1);
    JsonNode after =
        read(
            engine.adminGet(
                "/tmf-api/productInventory/v5/product/" + read(during).path("id").asText()));
    assertThat(after.path("status").asText()).isEqualTo("active");
    assertThat(engine.engine().charging().balance(msisdn)).isPresent();
  }

  @Test
  void anActivatedOrderCannotBeCancelled() {
    String idNumber = Presale.newIdNumber("19900307");
    String orderId = presale.paidWeChatWoOrder(idNumber).path("id").asText();
    presale.activate(orderId, "张三", idNumber, "free-games");

    HttpResponse<String> cancel = presale.cancel(orderId, "late");

    assertThat(cancel.statusCode()).isEqualTo(409);
    assertThat(read(cancel).path("detail").asText())
        .isEqualTo("an order that is completed cannot become cancelled");
  }

  private static void sql(String statement) throws Exception {
    TestDatabase.execute(engine.settings().database(), statement);
  }
}
