package io.simbundle.provisioning.channels.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@EngineTest
class UnmatchedRequestsTest {

  private static TestEngine engine;

  @BeforeAll
  static void startEngine() {
    engine = TestEngine.start("unmatched");
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void unknownPathIsA404ProblemNotAnHtmlPage() {
    HttpResponse<String> response = engine.get("/no/such/thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(response.body()).contains("\"instance\":\"/no/such/thing\"");
  }

  @Test
  void methodAPathDoesNotTakeIsA405Problem() {
    HttpResponse<String> response =
        engine.send(
            HttpRequest.newBuilder(
                    engine.uri("/tmf-api/productCatalogManagement/v5/productOffering"))
                .DELETE()
                .build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
    assertThat(response.body()).contains("DELETE is not allowed");
    assertThat(response.headers().firstValue("Allow")).hasValue("GET");
  }
}
