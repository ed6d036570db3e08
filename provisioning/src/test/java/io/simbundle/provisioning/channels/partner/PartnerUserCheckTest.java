package io.simbundle.provisioning.channels.partner;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A buyer's B2B2C type comes from facts, not from the store's word: the engine's own records say
 * whether they are new to the operator, the partner's platform (a real HTTP endpoint here) whether
 * they are new to the partner — asked once per buyer, with a signed request naming them only by a
 * keyed digest. A platform that refuses, is slow or is down leaves the buyer an existing user, or
 * refuses the order where the campaign needs the answer.
 */
@EngineTest
class PartnerUserCheckTest {

  private static final Instant NOVEMBER_23 = Instant.parse("2026-11-23T08:00:00Z");
  private static final MutableClock clock = new MutableClock(NOVEMBER_23);
  private static TestEngine engine;
  private static Presale presale;
  private static TestPartnerPlatform tencent;
  private static TestPartnerPlatform alibaba;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("partner_user_check", clock);
    presale = new Presale(engine);
    presale.stock("GD", 97_000, 20);
    tencent = TestPartnerPlatform.start(clock);
    alibaba = TestPartnerPlatform.start(clock);
    tencent.trust(connect("tencent", tencent));
    alibaba.trust(connect("alibaba", alibaba));
  }

  @AfterAll
  static void stop() {
    tencent.close();
    alibaba.close();
    engine.close();
  }

  private static String connect(String partner, TestPartnerPlatform platform) {
    HttpResponse<String> set =
        engine.json(
            "PUT",
            "/admin/partners/" + partner + "/endpoint",
            "{\"url\": \"http://127.0.0.1:9/notices\", \"userCheckUrl\": \""
                + platform.uri()
                + "\"}",
            true);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(201);
    return read(set).path("secret").asText();
  }

  /** A WeChat Wo order paid in full outside campaigns, the store claiming the buyer new to both. */
  private static JsonNode weChatWo(String externalId, String idNumber) {
    return presale.placeAccepted(
        Presale.weChatWoOrder(externalId, idNumber)
            .replace("\"newToOperator\": true", "\"newToOperator\": true, \"newToPartner\": true"));
  }

  @Test
  void aBuyerWithACardOnRecordIsNotNewToTheOperatorWhateverTheStoreSays() {
    tencent.behave(TestPartnerPlatform.Mode.ANSWER);
    String idNumber = Presale.newIdNumber("19860606");
    JsonNode first = weChatWo("OP-1", idNumber);
    presale.pay(first.path("id").asText(), 3600);
    assertThat(
            presale.activate(first.path("id").asText(), "张三", idNumber, "free-games").statusCode())
        .isEqualTo(201);

    JsonNode second = weChatWo("OP-2", idNumber);

    assertThat(first.path("buyer").path("newToOperator").asBoolean()).isTrue();
    assertThat(first.path("buyer").path("typeDecidedBy").asText())
        .startsWith("new to the operator: no card on this ID number in the engine's records");
    JsonNode buyer = second.path("buyer");
    assertThat(buyer.path("newToOperator").asBoolean()).isFalse();
    assertThat(buyer.path("typeDecidedBy").asText())
        .startsWith(
            "an existing operator customer: 1 card(s) on this ID number in the engine's records,"
                + " 1 in service (the store said new)");
  }

  @Test
  void thePartnersPlatformSaysWhetherTheBuyerIsNewToItAndIsAskedOncePerBuyer() {
    tencent.behave(TestPartnerPlatform.Mode.ANSWER);
    String weChatUser = Presale.newIdNumber("19860606");
    String newcomer = Presale.newIdNumber("19860606");
    tencent.knows(weChatUser);
    int before = tencent.asked().size();

    JsonNode existing = weChatWo("PT-1", weChatUser);
    JsonNode fresh = weChatWo("PT-2", newcomer);
    JsonNode again = weChatWo("PT-3", newcomer);

    assertThat(existing.path("buyer").path("newToPartner").asBoolean()).isFalse();
    assertThat(existing.path("buyer").path("b2b2cType").asInt()).isEqualTo(3);
    assertThat(existing.path("buyer").path("typeDecidedBy").asText())
        .endsWith("an existing user of tencent, as its platform said");
    assertThat(fresh.path("buyer").path("b2b2cType").asInt()).isEqualTo(4);
    assertThat(again.path("buyer").path("typeDecidedBy").asText())
        .endsWith("new to tencent, as its platform said (answer kept from an earlier order)");
    assertThat(tencent.asked()).hasSize(before + 2);
    JsonNode request = tencent.asked().get(before);
    assertThat(request.path("buyerKey").asText())
        .isEqualTo(PartnerUserChecks.buyerKey(tencentSecret(), weChatUser));
    assertThat(request.toString()).doesNotContain(weChatUser);
  }

  @Test
  void aPlatformThatRefusesIsSlowOrDownLeavesTheBuyerAnExistingUserOfThePartner() {
    tencent.behave(TestPartnerPlatform.Mode.REFUSE);
    JsonNode refused = weChatWo("SILENT-1", Presale.newIdNumber("19860606"));
    tencent.behave(TestPartnerPlatform.Mode.UNSIGNED);
    JsonNode unsigned = weChatWo("SILENT-2", Presale.newIdNumber("19860606"));
    tencent.behave(TestPartnerPlatform.Mode.SLOW);
    JsonNode slow = weChatWo("SILENT-3", Presale.newIdNumber("19860606"));
    int askedAfterTimeout = tencent.asked().size();
    JsonNode resting = weChatWo("SILENT-4", Presale.newIdNumber("19860606"));
    int askedWhileResting = tencent.asked().size();
    clock.advance(Duration.ofSeconds(11));
    tencent.down();
    JsonNode down;
    try {
      down = weChatWo("SILENT-5", Presale.newIdNumber("19860606"));
    } finally {
      tencent.up();
      tencent.behave(TestPartnerPlatform.Mode.ANSWER);
      clock.advance(Duration.ofSeconds(11));
    }

    assertThat(refused.path("buyer").path("typeDecidedBy").asText())
        .endsWith(
            "taken as an existing user of tencent: its platform did not answer (answered HTTP 403)");
    assertThat(unsigned.path("buyer").path("typeDecidedBy").asText())
        .contains("its answer is not signed by it");
    assertThat(slow.path("buyer").path("typeDecidedBy").asText()).containsIgnoringCase("timeout");
    assertThat(resting.path("buyer").path("typeDecidedBy").asText())
        .as("a platform that could not be reached rests: the next order does not wait for it")
        .contains("not asked: it could not be reached 10 s before (SocketTimeoutException");
    assertThat(askedWhileResting).isEqualTo(askedAfterTimeout);
    assertThat(down.path("buyer").path("typeDecidedBy").asText()).contains("Connect");
    for (JsonNode order : new JsonNode[] {refused, unsigned, slow, resting, down}) {
      assertThat(order.path("buyer").path("newToPartner").asBoolean()).isFalse();
      assertThat(order.path("state").asText()).isEqualTo("acknowledged");
    }
  }

  @Test
  void aCampaignThatNeedsThePartnersAnswerTakesNoOrderWhileThePartnerIsSilent() {
    clock.set(Instant.parse("2026-11-05T02:00:00Z"));
    try {
      String order =
          Presale.order(
                  "TM-NEEDS-ANSWER",
                  Presale.newIdNumber("19860606"),
                  "tmall-card",
                  "{\"type\": \"deposit\"}",
                  ", \"campaign\": {\"id\": \"tmall-double-11-presale\"}")
              .replace("\"yixun\"", "\"tmall\"");
      alibaba.down();
      HttpResponse<String> silent;
      try {
        silent = presale.place(order);
      } finally {
        alibaba.up();
      }
      HttpResponse<String> tooSoon = presale.place(order);
      clock.advance(Duration.ofSeconds(30));
      HttpResponse<String> answered = presale.place(order);

      assertThat(silent.statusCode()).as(silent.body()).isEqualTo(503);
      assertThat(read(silent).path("type").asText()).endsWith("partner-silent");
      assertThat(silent.headers().firstValue("Retry-After")).hasValue("30");
      assertThat(tooSoon.statusCode())
          .as("tried again before Retry-After, while the platform rests: refused at once")
          .isEqualTo(503);
      assertThat(answered.statusCode())
          .as("nothing was stored: the same order is new when tried again after Retry-After")
          .isEqualTo(201);
      assertThat(read(answered).path("buyer").path("typeDecidedBy").asText())
          .endsWith("new to alibaba, as its platform said");
    } finally {
      clock.set(NOVEMBER_23);
    }
  }

  private static String tencentSecret() {
    return tencent.secret();
  }
}
