package io.simbundle.provisioning.channels.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.simbundle.charging.nchf.ChfServer;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the operations the engine serves. */
@EngineTest
class OpenApiDocumentTest {

  private static TestEngine engine;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("openapi");
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void everyServedOperationIsDocumentedAndNothingElse() throws Exception {
    HttpResponse<String> response = engine.get("/api/openapi.yaml");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(response.body());
    assertThat(document.path("openapi").asText()).startsWith("3.1");
    List<String> onEngine = new ArrayList<>();
    List<String> onChf = new ArrayList<>();
    for (var path : document.path("paths").properties()) {
      // A path with servers of its own is served on another port: the CHF's.
      List<String> served = path.getValue().has("servers") ? onChf : onEngine;
      for (var operation : path.getValue().properties()) {
        if (!operation.getKey().equals("servers")) {
          served.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
        }
      }
    }
    assertThat(onEngine).containsExactlyInAnyOrderElementsOf(engine.engine().restOperations());
    assertThat(onChf).containsExactlyInAnyOrderElementsOf(ChfServer.OPERATIONS);
  }

  @Test
  void operationIdsAreUnique() throws Exception {
    JsonNode document =
        new ObjectMapper(new YAMLFactory()).readTree(engine.get("/api/openapi.yaml").body());

    List<String> ids = document.findValuesAsText("operationId");

    assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(20);
  }
}
