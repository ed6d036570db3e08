package io.simbundle.provisioning.channels.rest.charging;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.DemoSubscribers;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Customer care and accounting read balances, usage with its reasons, and the settlement. */
@EngineTest
class ChargingApiTest {

  private static final long MB = 1024L * 1024L;
  private static TestEngine engine;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("charging_api");
    Presale presale = new Presale(engine);
    // Free WeChat traffic for the WeChat Wo demo subscriber, and a charged video call.
    assertThat(presale.browse(DemoSubscribers.WECHAT_WO, 1000, 3 * MB)).isEqualTo(2001);
    assertThat(presale.browse(DemoSubscribers.WECHAT_WO, 1001, 2 * MB)).isEqualTo(2001);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void balanceShowsTheAllowanceUsedAndTheFreeTraffic() {
    HttpResponse<String> response = engine.adminGet("/api/v1/charging/balance/18600000001");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode balance = read(response);
    assertThat(balance.path("msisdn").asText()).isEqualTo(DemoSubscribers.WECHAT_WO);
    assertThat(balance.path("allowanceUsedBytes").asLong()).isEqualTo(2 * MB);
    assertThat(balance.path("zeroRatedUsedBytes").path("wechat-free-traffic").asLong())
        .isEqualTo(3 * MB);
    // The WeChat Wo plan's 50 SMS and 100 minutes, none used yet.
    assertThat(balance.path("smsPerCycle").asLong()).isEqualTo(50);
    assertThat(balance.path("smsLeft").asLong()).isEqualTo(50);
    assertThat(balance.path("voiceSecondsPerCycle").asLong()).isEqualTo(6000);
    assertThat(balance.path("voiceSecondsUsed").asLong()).isZero();
    assertThat(balance.path("voiceSecondsLeft").asLong()).isEqualTo(6000);
  }

  @Test
  void usageSaysWhyEachRecordWasFreeOrChargedAsStoredWhenDecided() {
    JsonNode usage = read(engine.adminGet("/api/v1/charging/usage/+8618600000001"));

    assertThat(usage).hasSize(2);
    for (JsonNode record : usage) {
      assertThat(record.path("catalogVersion").asText()).isNotEmpty();
      if (record.path("ratingGroup").asLong() == 1000) {
        assertThat(record.path("basis").asText()).isEqualTo("ZERO_RATING");
        assertThat(record.path("partner").asText()).isEqualTo("tencent");
        assertThat(record.path("why").asText()).contains("zero-rated by the privilege");
      } else {
        assertThat(record.path("ratingGroup").asLong()).isEqualTo(1001);
        assertThat(record.path("basis").asText()).isEqualTo("EXCLUSION");
        assertThat(record.path("units").asLong()).isEqualTo(2 * MB);
        assertThat(record.path("unit").asText()).isEqualTo("bytes");
        assertThat(record.path("why").asText())
            .startsWith(
                "charged to the plan's allowance: the privilege wechat-free-traffic zero-rates the"
                    + " partner's app but not rating group 1001");
      }
    }
  }

  @Test
  void decisionsListGrantsAndDebitsWithTheirReasonsNewestHourFirst() {
    JsonNode page =
        read(engine.adminGet("/api/v1/charging/decisions/" + DemoSubscribers.WECHAT_WO));

    JsonNode decisions = page.path("decisions");
    assertThat(decisions).isNotEmpty();
    assertThat(decisions.findValuesAsText("action")).contains("GRANT", "DEBIT");
    for (JsonNode decision : decisions) {
      assertThat(decision.path("hour").asText()).endsWith(":00:00Z");
      assertThat(decision.path("count").asLong()).isPositive();
      assertThat(decision.path("why").asText()).isNotEmpty();
    }
    JsonNode free =
        decisions.findParents("reason").stream()
            .filter(d -> d.path("action").asText().equals("DEBIT"))
            .filter(d -> d.path("ratingGroup").asLong() == 1000)
            .findFirst()
            .orElseThrow();
    assertThat(free.path("reason").asText()).isEqualTo("ZERO_RATED");
    assertThat(free.path("reference").asText()).isEqualTo("wechat-free-traffic");
    assertThat(free.path("units").asLong()).isEqualTo(3 * MB);
  }

  @Test
  void decisionsArePagedWithALinkToTheNextPage() {
    JsonNode first =
        read(
            engine.adminGet(
                "/api/v1/charging/decisions/" + DemoSubscribers.WECHAT_WO + "?limit=1"));

    // All of this test's traffic fell in one hour: that hour comes whole, then nothing.
    assertThat(first.path("decisions").size()).isGreaterThan(1);
    JsonNode rest = read(engine.adminGet(first.path("next").asText()));
    assertThat(rest.path("decisions")).isEmpty();
    assertThat(rest.has("next")).isFalse();
  }

  @Test
  void settlementPricesTheSponsoredTrafficOfTheMonth() {
    JsonNode settlement = read(engine.adminGet("/api/v1/charging/settlement/2026-11"));
    JsonNode empty = read(engine.adminGet("/api/v1/charging/settlement/2026-10"));

    assertThat(settlement.path("partners")).hasSize(1);
    JsonNode tencent = settlement.path("partners").get(0);
    assertThat(tencent.path("partner").asText()).isEqualTo("tencent");
    assertThat(tencent.path("sponsoredBytes").asLong()).isEqualTo(3 * MB);
    // 3 MB at 20 yuan a GB is 5.86 fen: 6 fen, rounded half up.
    assertThat(tencent.path("amountFen").asLong()).isEqualTo(6);
    assertThat(empty.path("partners")).isEmpty();
  }

  @Test
  void badRequestsGetProblems() {
    assertThat(engine.adminGet("/api/v1/charging/balance/12345").statusCode()).isEqualTo(400);
    assertThat(engine.adminGet("/api/v1/charging/balance/13900000000").statusCode()).isEqualTo(404);
    assertThat(engine.adminGet("/api/v1/charging/usage/13900000000").statusCode()).isEqualTo(404);
    assertThat(engine.adminGet("/api/v1/charging/decisions/13900000000").statusCode())
        .isEqualTo(404);
    assertThat(engine.adminGet("/api/v1/charging/usage/18600000001?from=May").statusCode())
        .isEqualTo(400);
    HttpResponse<String> badLimit =
        engine.adminGet("/api/v1/charging/decisions/18600000001?limit=100000");
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(badLimit.body()).contains("limit is a whole number from 1 to 1000");
    assertThat(
            engine.adminGet("/api/v1/charging/decisions/18600000001?before=yesterday").statusCode())
        .isEqualTo(400);
    HttpResponse<String> badMonth = engine.adminGet("/api/v1/charging/settlement/November");
    assertThat(badMonth.statusCode()).isEqualTo(400);
    assertThat(badMonth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(
            engine
                .json("GET", "/api/v1/charging/balance/" + DemoSubscribers.WECHAT_WO, null, false)
                .statusCode())
        .isEqualTo(401);
  }
}
