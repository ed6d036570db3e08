package io.simbundle.catalog;

import static io.simbundle.catalog.file.CatalogSamples.MINIMAL;
import static io.simbundle.catalog.file.CatalogSamples.minimalWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simbundle.catalog.file.CatalogProblem;
import io.simbundle.catalog.store.CatalogStore;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogServiceTest {

  private static final Clock NOW =
      Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

  @TempDir Path directory;
  private Database database;
  private CatalogStore store;

  @BeforeEach
  void openDatabase() {
    database = TestDatabase.newSchema("catalog_service");
    store = CatalogStore.open(database, NOW);
  }

  @AfterEach
  void closeDatabase() {
    store.close();
    database.close();
  }

  private CatalogService start() {
    return CatalogService.start(store, new CatalogSources(true, Optional.of(directory)), NOW);
  }

  private static String nextVersion(String label, String effectiveFrom) {
    return minimalWith("version: \"t-1\"", "version: \"" + label + "\"")
        .replace("effectiveFrom: 2026-01-01T00:00:00+08:00", "effectiveFrom: " + effectiveFrom);
  }

  @Test
  void startStoresTheDemoCatalogAndServesIt() {
    CatalogService service = start();

    assertThat(service.current().version()).isEqualTo("2026.11");
    assertThat(service.current().products()).hasSize(3);
  }

  @Test
  void restartFindsStoredVersionsWithoutTheirFiles() throws IOException {
    Files.writeString(directory.resolve("extra.yaml"), MINIMAL);
    start();
    Files.delete(directory.resolve("extra.yaml"));

    CatalogService restarted = start();

    assertThat(restarted.version("t-1")).isPresent();
  }

  @Test
  void validNewFileIsTakenOnReloadAndBecomesCurrentOnItsDate() throws IOException {
    CatalogService service = start();
    Files.writeString(
        directory.resolve("next.yaml"), nextVersion("2026.12", "2026-11-20T00:00:00+08:00"));

    LoadReport report = service.reload();

    assertThat(report.added()).containsExactly("2026.12");
    assertThat(report.unchanged()).containsExactly("2026.11");
    assertThat(service.current().version()).isEqualTo("2026.12");
  }

  @Test
  void invalidFileIsRejectedAndTheVersionInUseStays() throws IOException {
    CatalogService service = start();
    CatalogVersion before = service.current();
    Files.writeString(
        directory.resolve("broken.yaml"),
        nextVersion("2026.12", "2026-11-20T00:00:00+08:00").replace("stock: 100", "stock: -1"));

    LoadReport report = service.reload();

    assertThat(report.clean()).isFalse();
    assertThat(report.rejected())
        .singleElement()
        .satisfies(
            rejected -> {
              assertThat(rejected.source()).isEqualTo("broken.yaml");
              assertThat(rejected.problems())
                  .extracting(CatalogProblem::path)
                  .containsExactly("campaigns[0].stock");
            });
    assertThat(service.current()).isSameAs(before);
    assertThat(service.version("2026.12")).isEmpty();
  }

  @Test
  void editedContentUnderAPublishedLabelIsRejectedAndTheStoredOneStays() throws IOException {
    Files.writeString(directory.resolve("a.yaml"), MINIMAL);
    CatalogService service = start();
    Files.writeString(
        directory.resolve("a.yaml"), minimalWith("name: Test card", "name: Sneaky edit"));

    LoadReport report = service.reload();

    assertThat(report.rejected())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.problems().get(0).message())
                    .contains("already published with other content"));
    assertThat(service.version("t-1").orElseThrow().product("card").orElseThrow().name())
        .isEqualTo("Test card");
    assertThat(start().version("t-1").orElseThrow().product("card").orElseThrow().name())
        .isEqualTo("Test card");
  }

  @Test
  void startFailsWhenNoValidVersionExistsAtAll() throws IOException {
    Files.writeString(directory.resolve("broken.yaml"), "version: [");

    assertThatThrownBy(
            () ->
                CatalogService.start(store, new CatalogSources(false, Optional.of(directory)), NOW))
        .isInstanceOf(NoCatalogInForceException.class)
        .hasMessageContaining("1 file(s) rejected");
  }

  @Test
  void missingCatalogDirectoryIsReportedByName() {
    Path missing = directory.resolve("nope");

    assertThatThrownBy(
            () -> CatalogService.start(store, new CatalogSources(true, Optional.of(missing)), NOW))
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
  }
}
