package io.simbundle.provisioning.channels.rest.activation;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.channels.sms.EngineWithSmsc;
import io.simbundle.provisioning.channels.sms.SmsText;
import io.simbundle.provisioning.channels.sms.TestSmsc;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Where the engine sends SMS, activating a card and changing privileges by number need the code
 * sent to the number: without it, or with a wrong one, 401 and an audited refusal; with it, done.
 */
@EngineTest
class CodesWhereIdentityMattersTest {

  private static EngineWithSmsc sms;
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    sms = EngineWithSmsc.start("identity_codes", "en", 54_000, 4);
    engine = sms.engine;
    presale = sms.presale;
  }

  @AfterAll
  static void stop() {
    sms.close();
  }

  private static HttpResponse<String> activate(String orderId, String idNumber, String code) {
    return engine.post(
        "/api/v1/activation",
        """
        {"orderCodeOrIccid": "%s", "name": "张三", "idNumber": "%s",
         "chosenPrivileges": ["wechat-free-traffic"]%s}
        """
            .formatted(orderId, idNumber, code == null ? "" : ", \"code\": \"" + code + "\""));
  }

  private static HttpResponse<String> askActivationCode(String orderId, String name, String id) {
    return engine.post(
        "/api/v1/activation/code",
        """
        {"orderCodeOrIccid": "%s", "name": "%s", "idNumber": "%s"}
        """
            .formatted(orderId, name, id));
  }

  private static List<TestSmsc.Submitted> textsTo(String msisdn) {
    engine.engine().outbox().deliverDue();
    return sms.smsc.submitted().stream().filter(s -> s.destination().equals(msisdn)).toList();
  }

  @Test
  void aCardIsActivatedOnlyWithTheCodeSentToTheNumberItCarries() {
    String idNumber = Presale.newIdNumber("19940404");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    String orderId = order.path("id").asText();
    String msisdn = order.path("productOrderItem").get(0).path("product").path("msisdn").asText();

    JsonNode card =
        read(engine.post("/api/v1/activation/card", "{\"orderCodeOrIccid\": \"" + orderId + "\"}"));
    HttpResponse<String> withoutCode = activate(orderId, idNumber, null);
    HttpResponse<String> notTheBuyer = askActivationCode(orderId, "李四", idNumber);
    int textsAfterRefusal = textsTo(msisdn).size();
    HttpResponse<String> asked = askActivationCode(orderId, "张三", idNumber);
    String code = sms.codeSentTo(msisdn);
    String wrong = code.equals("000000") ? "111111" : "000000";
    HttpResponse<String> wrongCode = activate(orderId, idNumber, wrong);
    HttpResponse<String> activated = activate(orderId, idNumber, code);

    assertThat(card.path("codeRequired").asBoolean()).isTrue();
    assertThat(withoutCode.statusCode()).isEqualTo(401);
    assertThat(read(withoutCode).path("type").asText()).endsWith("/code-refused");
    assertThat(notTheBuyer.statusCode()).as("real-name check first").isEqualTo(422);
    assertThat(textsAfterRefusal).as("no SMS for someone else's card").isZero();
    assertThat(asked.statusCode()).isEqualTo(202);
    assertThat(SmsText.joined(List.of(textsTo(msisdn).get(0).part())))
        .startsWith("Your activation code is " + code);
    assertThat(wrongCode.statusCode()).isEqualTo(401);
    assertThat(read(wrongCode).path("detail").asText()).contains("4 tries left");
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(201);
    assertThat(
            read(engine.adminGet("/api/v1/audit/productOrder/" + orderId)).findValuesAsText("to"))
        .filteredOn("code-refused"::equals)
        .hasSize(2);
  }

  @Test
  void privilegesChangedByNumberAndIdNumberNeedTheCodeSentToTheNumber() {
    String idNumber = Presale.newIdNumber("19950505");
    HttpResponse<String> done =
        presale.activateWithCode(
            presale.paidWeChatWoOrder(idNumber),
            "张三",
            idNumber,
            sms::codeSentTo,
            "wechat-free-traffic");
    JsonNode product = read(done);
    String msisdn = product.path("msisdn").asText();
    String change =
        """
        {"msisdn": "%s", "idNumber": "%s", "chosenPrivileges": ["wechat-free-traffic",
         "free-emoticons"]%%s}
        """
            .formatted(msisdn, idNumber);
    sms.clock.advance(Duration.ofSeconds(61));

    HttpResponse<String> withoutCode =
        engine.post("/api/v1/privilegeSelection", change.formatted(""));
    HttpResponse<String> asked =
        engine.post(
            "/api/v1/privilegeSelection/code",
            "{\"msisdn\": \"%s\", \"idNumber\": \"%s\"}".formatted(msisdn, idNumber));
    String code = sms.codeSentTo(msisdn);
    HttpResponse<String> changed =
        engine.post("/api/v1/privilegeSelection", change.formatted(", \"code\": \"" + code + "\""));
    HttpResponse<String> strangerAsks =
        engine.post(
            "/api/v1/privilegeSelection/code",
            "{\"msisdn\": \"8613911112222\", \"idNumber\": \"%s\"}".formatted(idNumber));

    assertThat(withoutCode.statusCode()).isEqualTo(401);
    assertThat(asked.statusCode()).isEqualTo(202);
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(202);
    assertThat(read(changed).path("pendingPrivileges").toString()).contains("free-emoticons");
    assertThat(strangerAsks.statusCode()).isEqualTo(202);
    assertThat(strangerAsks.body()).isEqualTo(asked.body());
    assertThat(textsTo("8613911112222")).isEmpty();
    assertThat(engine.engine().subscriptions().history(product.path("id").asLong()))
        .extracting(AuditEntry::to)
        .contains("code-refused");
  }
}
