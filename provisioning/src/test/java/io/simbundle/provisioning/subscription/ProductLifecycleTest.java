package io.simbundle.provisioning.subscription;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TMF637 lifecycle: suspend, resume, terminate — each reaches charging and the audit trail. */
@EngineTest
class ProductLifecycleTest {

  private static final String PRODUCTS = "/tmf-api/productInventory/v5/product";
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("product_lifecycle");
    presale = new Presale(engine);
    presale.stock("GD", 40_000, 10);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static JsonNode activeProduct() {
    String idNumber = Presale.newIdNumber("19770707");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    return read(presale.activate(order.path("id").asText(), "张三", idNumber, "free-games"));
  }

  private static HttpResponse<String> patch(String id, String status) {
    return engine.json(
        "PATCH",
        PRODUCTS + "/" + id,
        "{\"status\": \"" + status + "\", \"statusReason\": \"test " + status + "\"}",
        true);
  }

  private static boolean barred(String msisdn) {
    return engine.engine().charging().balance(msisdn).orElseThrow().barred();
  }

  @Test
  void suspendResumeAndTerminateReachCharging() {
    JsonNode product = activeProduct();
    String id = product.path("id").asText();
    String msisdn = product.path("msisdn").asText();

    HttpResponse<String> suspended = patch(id, "suspended");
    boolean barredWhileSuspended = barred(msisdn);
    HttpResponse<String> resumed = patch(id, "active");
    boolean barredAfterResume = barred(msisdn);
    HttpResponse<String> terminated = patch(id, "terminated");

    assertThat(suspended.statusCode()).isEqualTo(200);
    assertThat(read(suspended).path("status").asText()).isEqualTo("suspended");
    assertThat(barredWhileSuspended).isTrue();
    assertThat(read(resumed).path("status").asText()).isEqualTo("active");
    assertThat(barredAfterResume).isFalse();
    assertThat(read(terminated).path("status").asText()).isEqualTo("terminated");
    assertThat(barred(msisdn)).isTrue();
    JsonNode history = read(engine.adminGet("/api/v1/audit/product/" + id));
    assertThat(history.findValuesAsText("to"))
        .containsExactly("created", "active", "suspended", "active", "terminated");
    assertThat(history.get(2).path("reason").asText()).isEqualTo("test suspended");
    assertThat(history.get(2).path("actor").asText()).isEqualTo("admin:operator");
  }

  @Test
  void movesTheLifecycleDoesNotAllowAreRefused() {
    String id = activeProduct().path("id").asText();
    patch(id, "terminated");

    HttpResponse<String> revive = patch(id, "active");
    HttpResponse<String> backToCreated = patch(id, "created");
    HttpResponse<String> unknown = patch("999999", "suspended");

    assertThat(revive.statusCode()).isEqualTo(409);
    assertThat(read(revive).path("detail").asText())
        .isEqualTo("a product that is terminated cannot become active");
    assertThat(backToCreated.statusCode()).isEqualTo(400);
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void subscriptionsAreFoundByNumberWithPersonalDataMasked() {
    JsonNode product = activeProduct();

    JsonNode found = read(engine.adminGet(PRODUCTS + "?msisdn=" + product.path("msisdn").asText()));

    assertThat(found).hasSize(1);
    assertThat(found.get(0).path("id").asText()).isEqualTo(product.path("id").asText());
    JsonNode holder = found.get(0).path("relatedParty").get(1);
    assertThat(holder.path("name").asText()).isEqualTo("张*");
    assertThat(holder.path("idNumber").asText()).contains("**********");
    assertThat(
            engine
                .json("GET", PRODUCTS + "/" + product.path("id").asText(), null, false)
                .statusCode())
        .isEqualTo(401);
  }
}
