package io.simbundle.provisioning.channels.rest.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.rules.realname.ResidentIdNumber;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The three rule decisions over real HTTP, with buyer counts from the real database. */
@EngineTest
class QualificationApiTest {

  private static final ObjectMapper json = new ObjectMapper();
  private static final String CHECK =
      "/tmf-api/productOfferingQualification/v5/checkProductOfferingQualification";
  private static final String ID_NUMBER = idNumber("19900307");
  private static DatabaseSettings database;
  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    database = TestDatabase.newSchemaSettings("qualification_api");
    engine = TestEngine.start(database, Optional.empty());
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  private static String idNumber(String birthDate) {
    String first17 = "440106" + birthDate + "456";
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static HttpResponse<String> post(String path, String body) {
    return engine.send(
        HttpRequest.newBuilder(engine.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static String qualification(String idNumber, String province) {
    return """
        {"channel": {"id": "yixun"}, "place": {"id": "%s"},
         "campaign": {"id": "yixun-wechat-wo-presale"},
         "buyer": {"name": "张三", "idNumber": "%s", "newToOperator": true},
         "checkProductOfferingQualificationItem": [
           {"id": "1", "productOffering": {"id": "wechat-wo"}}]}
        """
        .formatted(province, idNumber);
  }

  @Test
  void qualifiedBuyerGetsADoneQualificationWithTheRuleSetVersion() throws Exception {
    HttpResponse<String> response = post(CHECK, qualification(ID_NUMBER, "GD"));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    assertThat(body.path("state").asText()).isEqualTo("done");
    assertThat(body.path("qualificationResult").asText()).isEqualTo("qualified");
    assertThat(body.path("ruleSetVersion").asText()).startsWith("r");
    assertThat(
            body.path("checkProductOfferingQualificationItem")
                .get(0)
                .path("qualificationItemResult")
                .asText())
        .isEqualTo("qualified");
  }

  @Test
  void unqualifiedBuyerGetsEveryReasonInBothLanguages() throws Exception {
    JsonNode body = json.readTree(post(CHECK, qualification(ID_NUMBER, "BJ")).body());

    JsonNode item = body.path("checkProductOfferingQualificationItem").get(0);
    assertThat(item.path("qualificationItemResult").asText()).isEqualTo("unqualified");
    assertThat(item.path("eligibilityUnavailabilityReason").findValuesAsText("code"))
        .containsExactlyInAnyOrder("PROVINCE_NOT_SERVED", "CAMPAIGN_PROVINCE");
    assertThat(item.path("eligibilityUnavailabilityReason").get(0).path("labelZh").asText())
        .isNotBlank();
  }

  @Test
  void cardsAlreadyHeldAreCountedFromTheEnginesOwnRecords() throws Exception {
    String holder = idNumber("19850101");
    String digest = digestOf(holder);
    try (Connection connection = connect();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO product (order_id, product_code, partner_code, catalog_version,"
                    + " id_number_digest, holder_name_sealed, id_number_sealed, id_number_masked,"
                    + " msisdn, iccid, imsi, status, privileges, gifts, created_at, updated_at,"
                    + " version) VALUES (?, 'yixin-card', 'netease', '2026.11', ?, 'x', 'x', 'x',"
                    + " ?, ?, ?, ?, '', '[]', NOW(), NOW(), 0)")) {
      int card = 0;
      for (String status :
          new String[] {"active", "active", "suspended", "active", "created", "terminated"}) {
        card++;
        insert.setLong(1, 9000 + card);
        insert.setString(2, digest);
        insert.setString(3, "861860000900" + card);
        insert.setString(4, "8986010000000000900" + card);
        insert.setString(5, "46001000000900" + card);
        insert.setString(6, status);
        insert.executeUpdate();
      }
    }

    JsonNode body = json.readTree(post(CHECK, qualification(holder, "GD")).body());

    assertThat(
            body.path("checkProductOfferingQualificationItem")
                .get(0)
                .path("eligibilityUnavailabilityReason")
                .findValuesAsText("code"))
        .containsExactly("TOO_MANY_CARDS");
  }

  /** The digest the engine keeps for an ID number, found by the one row it must match. */
  private static String digestOf(String idNumber) throws Exception {
    try (Connection connection = connect();
        ResultSet key =
            connection
                .createStatement()
                .executeQuery(
                    "SELECT value FROM provisioning_secret WHERE name = 'id-number-digest-key'")) {
      assertThat(key.next()).as("the engine generated its key").isTrue();
      return io.simbundle.provisioning.privacy.PersonalDataDigest.withKey(
              java.util.Base64.getDecoder().decode(key.getString(1)))
          .of(idNumber);
    }
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(database.url().orElseThrow(), "root", "");
  }

  @Test
  void idNumbersAreNeverStoredInTheClear() throws Exception {
    post(CHECK, qualification(ID_NUMBER, "GD"));

    try (Connection connection = connect();
        ResultSet rows =
            connection.createStatement().executeQuery("SELECT value FROM provisioning_secret")) {
      while (rows.next()) {
        assertThat(rows.getString(1)).doesNotContain(ID_NUMBER);
      }
    }
  }

  @Test
  void malformedRequestsAre400ProblemsNamingEveryBadParameter() throws Exception {
    HttpResponse<String> response =
        post(CHECK, "{\"place\": {\"id\": \"XX\"}, \"buyer\": {\"newToOperator\": \"yes\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json.readTree(response.body()).path("invalidParams").findValuesAsText("name"))
        .containsExactlyInAnyOrder(
            "channel.id",
            "place.id",
            "buyer.idNumber",
            "buyer.newToOperator",
            "checkProductOfferingQualificationItem");
    assertThat(post(CHECK, "{not json").statusCode()).isEqualTo(400);
    assertThat(post(CHECK, "[]").statusCode()).isEqualTo(400);
  }

  @Test
  void privilegeChoiceIsCheckedWithReasons() throws Exception {
    JsonNode valid =
        json.readTree(
            post(
                    "/api/v1/privilegeSelectionCheck",
                    "{\"productOffering\": {\"id\": \"wechat-wo\"},"
                        + " \"chosenPrivileges\": [\"wechat-free-traffic\", \"hd-pictures\"]}")
                .body());
    JsonNode invalid =
        json.readTree(
            post(
                    "/api/v1/privilegeSelectionCheck",
                    "{\"productOffering\": {\"id\": \"wechat-wo\"},"
                        + " \"chosenPrivileges\": [\"hd-pictures\"]}")
                .body());

    assertThat(valid.path("result").asText()).isEqualTo("valid");
    assertThat(invalid.path("result").asText()).isEqualTo("invalid");
    assertThat(invalid.path("reasons").get(0).path("code").asText())
        .isEqualTo("PRIVILEGE_REQUIRES_ANOTHER");
  }

  @Test
  void giftQuoteListsTheGiftsASubscriptionWouldGet() throws Exception {
    JsonNode quote =
        json.readTree(
            post(
                    "/api/v1/giftQuote",
                    "{\"productOffering\": {\"id\": \"yixin-card\"}, \"buyer\": {\"newToOperator\": true}}")
                .body());

    assertThat(quote.path("gifts").findValuesAsText("code"))
        .containsExactlyInAnyOrder("yixin-monthly-gift", "welcome-gift");
    assertThat(quote.path("gifts").get(0).has("ratingGroups")).isTrue();
  }
}
