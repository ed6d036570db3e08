package io.simbundle.provisioning.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@EngineTest
class EngineRestartTest {

  @Test
  void secondStartOnTheSameDatabaseFindsItsCatalogAndReusesThePort() throws Exception {
    DatabaseSettings database = TestDatabase.newSchemaSettings("engine_restart");
    int port;
    try (TestEngine first = TestEngine.start(database)) {
      port = first.settings().httpPort();
      assertThat(first.get("/tmf-api/productCatalogManagement/v5/productOffering").statusCode())
          .isEqualTo(200);
    }
    // Stopped cleanly: the port is free again.
    try (ServerSocket probe = new ServerSocket(port)) {
      assertThat(probe.getLocalPort()).isEqualTo(port);
    }

    try (TestEngine second = TestEngine.start(database)) {
      assertThat(second.engine().catalog().timeline().versions())
          .extracting(v -> v.version())
          .containsExactly("2026.11");
      assertThat(second.engine().catalog().reload().unchanged()).containsExactly("2026.11");
    }
  }

  @Test
  void failedStartStopsWhatHadStarted() {
    EngineSettings unreachable =
        new EngineSettings(
            "127.0.0.1",
            8080,
            Optional.empty(),
            new DatabaseSettings(
                Optional.of("jdbc:mysql://127.0.0.1:1/nowhere?connectTimeout=500"),
                "root",
                "",
                java.nio.file.Path.of("unused"),
                0,
                2),
            RulesSettings.defaults(),
            new SecuritySettings(TestEngine.ADMIN, Optional.empty()),
            TestEngine.gy(),
            ProvisioningSettings.defaults(TestEngine.orderFilesDirectory()));

    assertThatThrownBy(() -> Engine.start(unreachable, TestEngine.CLOCK))
        .hasMessageContaining("database")
        .hasRootCauseInstanceOf(ConnectException.class);
  }
}
