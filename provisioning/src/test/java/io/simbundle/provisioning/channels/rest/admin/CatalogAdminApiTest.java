package io.simbundle.provisioning.channels.rest.admin;

import static io.simbundle.catalog.file.CatalogSamples.minimalWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.app.TestEngine;
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

/** Catalog reload without restart, over HTTP, for operators with credentials only. */
@EngineTest
class CatalogAdminApiTest {

  private static final ObjectMapper json = new ObjectMapper();
  private static final String OFFERING =
      "/tmf-api/productCatalogManagement/v5/productOffering/card";

  @TempDir Path catalogDirectory;
  private TestEngine engine;

  @BeforeEach
  void startEngine() {
    engine =
        TestEngine.start(
            TestDatabase.newSchemaSettings("catalog_admin"), Optional.of(catalogDirectory));
  }

  @AfterEach
  void stopEngine() {
    engine.close();
  }

  private HttpResponse<String> reload(String user, String password) {
    return engine.send(
        HttpRequest.newBuilder(engine.uri("/admin/catalog/reload"))
            .header("Authorization", basic(user, password))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
  }

  private HttpResponse<String> reloadAsAdmin() {
    return reload(TestEngine.ADMIN.user(), TestEngine.ADMIN.password());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** A catalog with one card, in force from 20 November 2026, so it replaces the demo one. */
  private void writeCatalog(String fileName, String cardName) throws Exception {
    Files.writeString(
        catalogDirectory.resolve(fileName),
        minimalWith("version: \"t-1\"", "version: \"2026.11b\"")
            .replace(
                "effectiveFrom: 2026-01-01T00:00:00+08:00",
                "effectiveFrom: 2026-11-20T00:00:00+08:00")
            .replace("name: Test card", "name: " + cardName));
  }

  @Test
  void reloadWithoutCredentialsIsRefused() {
    HttpResponse<String> anonymous =
        engine.send(
            HttpRequest.newBuilder(engine.uri("/admin/catalog/reload"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
    HttpResponse<String> wrongPassword = reload(TestEngine.ADMIN.user(), "not-the-password");

    for (HttpResponse<String> response : java.util.List.of(anonymous, wrongPassword)) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
    }
  }

  @Test
  void reloadTakesANewValidFileWithoutRestart() throws Exception {
    writeCatalog("next.yaml", "Reloaded card");

    HttpResponse<String> response = reloadAsAdmin();

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = json.readTree(response.body());
    assertThat(report.path("added").get(0).asText()).isEqualTo("2026.11b");
    HttpResponse<String> offering = engine.get(OFFERING);
    assertThat(offering.statusCode()).isEqualTo(200);
    assertThat(json.readTree(offering.body()).path("name").asText()).isEqualTo("Reloaded card");
  }

  @Test
  void invalidFileIsRejectedWith422NamingLineAndPathAndTheCatalogInUseStays() throws Exception {
    Files.writeString(
        catalogDirectory.resolve("broken.yaml"),
        minimalWith("version: \"t-1\"", "version: \"2026.11c\"")
            .replace(
                "effectiveFrom: 2026-01-01T00:00:00+08:00",
                "effectiveFrom: 2026-11-20T00:00:00+08:00")
            .replace("upperLimit: 2", "upperLimit: 5"));

    HttpResponse<String> response = reloadAsAdmin();

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonNode problem =
        json.readTree(response.body()).path("rejected").get(0).path("problems").get(0);
    assertThat(problem.path("file").asText()).isEqualTo("broken.yaml");
    assertThat(problem.path("line").asInt()).isEqualTo(15);
    assertThat(problem.path("path").asText()).isEqualTo("products[0].privilegeMenu.upperLimit");
    assertThat(engine.get(OFFERING).statusCode()).isEqualTo(404);
    assertThat(
            engine
                .get("/tmf-api/productCatalogManagement/v5/productOffering/wechat-wo")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void versionsListShowsWhichVersionIsInForce() throws Exception {
    writeCatalog("next.yaml", "Reloaded card");
    reloadAsAdmin();

    HttpResponse<String> response =
        engine.send(
            HttpRequest.newBuilder(engine.uri("/admin/catalog/versions"))
                .header(
                    "Authorization", basic(TestEngine.ADMIN.user(), TestEngine.ADMIN.password()))
                .GET()
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode versions = json.readTree(response.body());
    assertThat(versions.get(0).path("version").asText()).isEqualTo("2026.11");
    assertThat(versions.get(0).path("inForce").asBoolean()).isFalse();
    assertThat(versions.get(1).path("version").asText()).isEqualTo("2026.11b");
    assertThat(versions.get(1).path("inForce").asBoolean()).isTrue();
  }
}
