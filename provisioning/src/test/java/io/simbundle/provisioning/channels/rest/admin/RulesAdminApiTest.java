package io.simbundle.provisioning.channels.rest.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.app.RulesSettings;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.rules.fact.Policy;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files replaced over HTTP, without restart, by operators with credentials only. */
@EngineTest
class RulesAdminApiTest {

  private static final ObjectMapper json = new ObjectMapper();
  private static final String GIFTS =
      """
      package io.simbundle.rules.gifts;
      import io.simbundle.rules.fact.BuyerType;
      global io.simbundle.rules.decision.Verdict verdict;

      rule "Welcome gift for users new to the operator"
      when
          BuyerType( newOperatorUser )
      then
          verdict.grant(drools.getRule().getName(), "big-welcome", 2048, "ONCE", 30,
              java.util.Set.of(), "WELCOME_GIFT", "2 GB welcome", "赠送2GB");
      end
      """;

  @TempDir Path rulesDirectory;
  private TestEngine engine;

  @BeforeEach
  void startEngine() {
    engine =
        TestEngine.start(
            TestDatabase.newSchemaSettings("rules_admin"),
            Optional.empty(),
            new RulesSettings(Optional.of(rulesDirectory), Optional.empty(), Policy.defaults()));
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  private HttpResponse<String> reload(String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(engine.uri("/admin/rules/reload"))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return engine.send(request.build());
  }

  private static String admin() {
    String pair = TestEngine.ADMIN.user() + ":" + TestEngine.ADMIN.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private String welcomeGiftCode() throws Exception {
    HttpResponse<String> quote =
        engine.send(
            HttpRequest.newBuilder(engine.uri("/api/v1/giftQuote"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"productOffering\": {\"id\": \"wechat-wo\"},"
                            + " \"buyer\": {\"newToOperator\": true}}"))
                .build());
    return json.readTree(quote.body()).path("gifts").get(0).path("code").asText();
  }

  @Test
  void reloadNeedsCredentials() {
    assertThat(reload(null).statusCode()).isEqualTo(401);
  }

  @Test
  void reloadPutsEditedRulesInForceWithoutRestart() throws Exception {
    assertThat(welcomeGiftCode()).isEqualTo("welcome-gift");
    Files.writeString(rulesDirectory.resolve("gifts.drl"), GIFTS);

    HttpResponse<String> response = reload(admin());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json.readTree(response.body()).path("version").asText()).startsWith("r");
    assertThat(welcomeGiftCode()).isEqualTo("big-welcome");
  }

  @Test
  void rulesThatDoNotCompileAre422WithFileAndLineAndTheRulesInForceStay() throws Exception {
    Files.writeString(
        rulesDirectory.resolve("gifts.drl"),
        GIFTS.replace("BuyerType( newOperatorUser )", "BuyerType( x == )"));

    HttpResponse<String> response = reload(admin());

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode problems = json.readTree(response.body()).path("problems");
    assertThat(problems.get(0).path("file").asText()).isEqualTo("gifts.drl");
    assertThat(problems.get(0).path("line").asInt()).isPositive();
    assertThat(welcomeGiftCode()).isEqualTo("welcome-gift");
  }
}
