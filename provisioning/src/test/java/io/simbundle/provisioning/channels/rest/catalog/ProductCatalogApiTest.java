package io.simbundle.provisioning.channels.rest.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TMF620 productOffering over a real HTTP socket, on the real database. */
@EngineTest
class ProductCatalogApiTest {

  private static final String OFFERINGS = "/tmf-api/productCatalogManagement/v5/productOffering";
  private static final ObjectMapper json = new ObjectMapper();
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.start("catalog_api");
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static JsonNode body(HttpResponse<String> response) throws Exception {
    return json.readTree(response.body());
  }

  private static List<String> ids(JsonNode offerings) {
    List<String> ids = new ArrayList<>();
    offerings.forEach(offering -> ids.add(offering.path("id").asText()));
    return ids;
  }

  @Test
  void listsTheThreeDemoCardsWithTheirPrivilegeMenus() throws Exception {
    HttpResponse<String> response = engine.get(OFFERINGS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode offerings = body(response);
    assertThat(offerings.isArray()).isTrue();
    assertThat(ids(offerings)).containsExactly("wechat-wo", "yixin-card", "tmall-card");
    assertThat(offerings).hasSize(3);
    for (JsonNode offering : offerings) {
      assertThat(
              offering
                  .path("bundledGroupProductOffering")
                  .get(0)
                  .path("bundledGroupProductOfferingOption")
                  .has("numberRelOfferUpperLimit"))
          .isTrue();
    }
    assertThat(response.headers().firstValue("X-Total-Count")).hasValue("3");
  }

  @Test
  void weChatWoMenuCarriesItsChoiceLimitsAndNinePrivileges() throws Exception {
    HttpResponse<String> response = engine.get(OFFERINGS + "/wechat-wo");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode weChatWo = body(response);
    assertThat(weChatWo.path("lifecycleStatus").asText()).isEqualTo("Launched");
    assertThat(weChatWo.path("place").get(0).path("id").asText()).isEqualTo("GD");
    assertThat(weChatWo.path("relatedParty").get(0).path("partyOrPartyRole").path("id").asText())
        .isEqualTo("tencent");
    assertThat(
            weChatWo.path("productOfferingPrice").get(0).path("price").path("value").decimalValue())
        .isEqualByComparingTo("36.00");
    JsonNode menu = weChatWo.path("bundledGroupProductOffering").get(0);
    JsonNode option = menu.path("bundledGroupProductOfferingOption");
    assertThat(option.path("numberRelOfferLowerLimit").asInt()).isEqualTo(1);
    assertThat(option.path("numberRelOfferUpperLimit").asInt()).isEqualTo(3);
    JsonNode privileges = menu.path("bundledProductOffering");
    assertThat(privileges).hasSize(9);
    JsonNode freeTraffic = privileges.get(1);
    assertThat(freeTraffic.path("id").asText()).isEqualTo("wechat-free-traffic");
    assertThat(freeTraffic.path("privilegeKind").asText()).isEqualTo("ZERO_RATING");
    assertThat(freeTraffic.path("ratingGroups").get(0).asLong()).isEqualTo(1000);
    assertThat(freeTraffic.path("excludedRatingGroups").get(0).asLong()).isEqualTo(1001);
    Map<String, Long> plan = new LinkedHashMap<>();
    weChatWo
        .path("prodSpecCharValueUse")
        .forEach(
            use ->
                plan.put(
                    use.path("name").asText(),
                    use.path("productSpecCharacteristicValue").get(0).path("value").asLong()));
    assertThat(plan)
        .containsExactly(
            Map.entry("dataAllowanceMB", 500L),
            Map.entry("voiceMinutes", 100L),
            Map.entry("voiceUnitSeconds", 60L),
            Map.entry("sms", 50L));
  }

  @Test
  void includedPrivilegesFormAGroupWhoseLimitsAreItsSize() throws Exception {
    JsonNode yixin = body(engine.get(OFFERINGS + "/yixin-card"));

    JsonNode included = yixin.path("bundledGroupProductOffering").get(1);
    assertThat(included.path("name").asText()).isEqualTo("Included");
    assertThat(
            included
                .path("bundledGroupProductOfferingOption")
                .path("numberRelOfferLowerLimit")
                .asInt())
        .isEqualTo(1);
    assertThat(included.path("bundledProductOffering").get(0).path("ratingGroups").get(0).asLong())
        .isEqualTo(2000);
    assertThat(yixin.path("place").get(0).path("id").asText()).isEqualTo("CN");
  }

  @Test
  void sponsoredCallsAndPricesBeyondThePlanAreShown() throws Exception {
    JsonNode yixin = body(engine.get(OFFERINGS + "/yixin-card"));
    JsonNode tmall = body(engine.get(OFFERINGS + "/tmall-card"));

    JsonNode calls =
        yixin.path("bundledGroupProductOffering").get(0).path("bundledProductOffering").get(0);
    assertThat(calls.path("privilegeKind").asText()).isEqualTo("SPONSORED_CALLS");
    assertThat(calls.path("minutesPerCycle").asInt()).isEqualTo(100);
    assertThat(calls.path("calledPrefixes").toString()).isEqualTo("[\"8612593\"]");
    List<String> usagePrices = new ArrayList<>();
    tmall
        .path("productOfferingPrice")
        .forEach(
            price -> {
              if (price.path("priceType").asText().equals("usage")) {
                usagePrices.add(
                    price.path("unitOfMeasure").path("units").asText()
                        + " "
                        + price.path("price").path("value").decimalValue().toPlainString());
              }
            });
    assertThat(usagePrices).containsExactly("minute 0.15", "SMS 0.1");
    assertThat(yixin.path("productOfferingPrice")).hasSize(1);
  }

  @Test
  void filtersByPartnerAndLifecycleStatus() throws Exception {
    assertThat(ids(body(engine.get(OFFERINGS + "?partner=netease")))).containsExactly("yixin-card");
    assertThat(body(engine.get(OFFERINGS + "?partner=nobody"))).isEmpty();
    assertThat(body(engine.get(OFFERINGS + "?lifecycleStatus=Launched"))).hasSize(3);
    assertThat(body(engine.get(OFFERINGS + "?lifecycleStatus=Retired"))).isEmpty();
    assertThat(ids(body(engine.get(OFFERINGS + "?partner=alibaba&lifecycleStatus=launched"))))
        .containsExactly("tmall-card");
  }

  @Test
  void pagesWithOffsetAndLimit() throws Exception {
    HttpResponse<String> page = engine.get(OFFERINGS + "?offset=1&limit=1");

    assertThat(ids(body(page))).containsExactly("yixin-card");
    assertThat(page.headers().firstValue("X-Total-Count")).hasValue("3");
    assertThat(page.headers().firstValue("X-Result-Count")).hasValue("1");
  }

  @Test
  void unknownOfferingIsA404Problem() throws Exception {
    HttpResponse<String> response = engine.get(OFFERINGS + "/no-such-card");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("title").asText()).isEqualTo("Resource not found");
    assertThat(problem.path("detail").asText()).contains("no-such-card");
    assertThat(problem.path("instance").asText()).isEqualTo(OFFERINGS + "/no-such-card");
  }

  @Test
  void invalidFilterValuesAre400ProblemsNamingTheParameter() throws Exception {
    for (String query :
        new String[] {"?lifecycleStatus=Sold", "?limit=-1", "?offset=abc", "?limit=1e3"}) {
      HttpResponse<String> response = engine.get(OFFERINGS + query);

      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      String parameter = query.substring(1, query.indexOf('='));
      assertThat(body(response).path("invalidParams").get(0).path("name").asText())
          .as(query)
          .isEqualTo(parameter);
    }
  }

  @Test
  void responsesDoNotEchoRequestHeaders() {
    HttpResponse<String> response =
        engine.send(
            java.net.http.HttpRequest.newBuilder(engine.uri(OFFERINGS))
                .header("X-Secret-Token", "s3cret")
                .GET()
                .build());

    assertThat(response.headers().map()).doesNotContainKey("x-secret-token");
  }
}
