package io.simbundle.provisioning.channels.rest.admin;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.rules.ruleset.RuleBook;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A product team uploads a candidate rule set: it runs beside the rules in force on live
 * qualifications without changing an answer, its report says what it would change and why, and an
 * admin promotes or discards it.
 */
@EngineTest
class RuleShadowTest {

  private static final String CHECK =
      "/tmf-api/productOfferingQualification/v5/checkProductOfferingQualification";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestEngine engine;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("rule_shadow");
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static String shipped(String name) {
    try (InputStream in = RuleBook.class.getClassLoader().getResourceAsStream("rules/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String candidate(String qualificationDrl) throws Exception {
    return JSON.writeValueAsString(Map.of("files", Map.of("qualification.drl", qualificationDrl)));
  }

  private static String qualificationResult(String bornOn) {
    HttpResponse<String> response =
        engine.post(
            CHECK,
            """
            {"channel": {"id": "web"}, "place": {"id": "GD"},
             "buyer": {"name": "张三", "idNumber": "%s", "newToOperator": true},
             "checkProductOfferingQualificationItem": [
               {"id": "1", "productOffering": {"id": "wechat-wo"}}]}
            """
                .formatted(Presale.newIdNumber(bornOn)));
    return read(response).path("qualificationResult").asText();
  }

  @Test
  void aCandidateRunsInTheShadowAndIsPromotedWithoutChangingAnAnswerBefore() throws Exception {
    String inForce = read(engine.adminGet("/admin/rules")).path("version").asText();
    String youngerBuyers =
        shipped("qualification.drl").replace("age < $minimum", "age < $minimum - 2");

    HttpResponse<String> anonymous = engine.post("/admin/rules/shadow", candidate(youngerBuyers));
    HttpResponse<String> broken =
        engine.adminPost(
            "/admin/rules/shadow", candidate(youngerBuyers.replace("then", "then then")));
    HttpResponse<String> started =
        engine.adminPost("/admin/rules/shadow", candidate(youngerBuyers));
    String fourteen = qualificationResult("20120101");
    String adult = qualificationResult("19900101");
    JsonNode report = read(engine.adminGet("/admin/rules/shadow"));
    HttpResponse<String> promoted = engine.adminPost("/admin/rules/shadow/promote", "{}");
    String fourteenAfter = qualificationResult("20120101");
    HttpResponse<String> noneLeft = engine.adminGet("/admin/rules/shadow");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(broken.statusCode()).as(broken.body()).isEqualTo(422);
    assertThat(read(broken).path("problems").get(0).path("file").asText())
        .isEqualTo("qualification.drl");
    assertThat(read(broken).path("problems").get(0).path("line").asInt()).isPositive();
    assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
    assertThat(fourteen).as("the answer in force, not the candidate's").isEqualTo("unqualified");
    assertThat(adult).isEqualTo("qualified");
    assertThat(report.path("inForceVersion").asText()).isEqualTo(inForce);
    assertThat(report.path("compared").asLong()).isEqualTo(2);
    assertThat(report.path("changed").asLong()).isEqualTo(1);
    assertThat(report.path("byQuestion").path("qualification").path("changed").asLong())
        .isEqualTo(1);
    assertThat(report.path("byRule").path("Buyer must be old enough").asLong()).isEqualTo(1);
    assertThat(report.path("byReason").path("-TOO_YOUNG").asLong()).isEqualTo(1);
    assertThat(report.path("examples").get(0).path("inForce").path("approved").asBoolean())
        .isFalse();
    assertThat(report.path("examples").get(0).path("candidate").path("approved").asBoolean())
        .isTrue();
    assertThat(promoted.statusCode()).isEqualTo(200);
    assertThat(read(promoted).path("version").asText())
        .isEqualTo(report.path("candidateVersion").asText())
        .isNotEqualTo(inForce);
    assertThat(fourteenAfter).as("the candidate in force").isEqualTo("qualified");
    assertThat(noneLeft.statusCode()).isEqualTo(404);
  }

  @Test
  void aDiscardedCandidateLeavesNoTrace() throws Exception {
    String inForce = read(engine.adminGet("/admin/rules")).path("version").asText();
    engine.adminPost(
        "/admin/rules/shadow",
        candidate(shipped("qualification.drl").replace("age < $minimum", "age < $minimum + 50")));

    HttpResponse<String> discarded = engine.adminDelete("/admin/rules/shadow");
    HttpResponse<String> again = engine.adminDelete("/admin/rules/shadow");

    assertThat(discarded.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(read(engine.adminGet("/admin/rules")).path("version").asText()).isEqualTo(inForce);
    assertThat(qualificationResult("19900101")).isEqualTo("qualified");
  }
}
