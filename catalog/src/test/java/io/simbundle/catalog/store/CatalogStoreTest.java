package io.simbundle.catalog.store;

import static io.simbundle.catalog.file.CatalogSamples.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simbundle.catalog.CatalogSources;
import io.simbundle.catalog.file.CatalogFile;
import io.simbundle.catalog.file.CatalogFileReader;
import io.simbundle.catalog.file.CatalogSamples;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.TestDatabase;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Catalog versions survive a round trip through the real MariaDB unchanged. */
class CatalogStoreTest {

  private static Database database;
  private static CatalogStore store;
  private final CatalogFileReader reader = new CatalogFileReader();

  @BeforeAll
  static void openStore() {
    database = TestDatabase.newSchema("catalog_store");
    store =
        CatalogStore.open(
            database, Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));
  }

  @AfterAll
  static void closeStore() {
    store.close();
    database.close();
  }

  @Test
  void demoCatalogComesBackExactlyAsStored() {
    CatalogSources.Source demo = new CatalogSources(true, Optional.empty()).read().get(0);
    CatalogFile file = reader.read(demo.name(), demo.content());

    store.store(file);

    assertThat(store.loadAll()).contains(file);
  }

  @Test
  void aPlansCallRoundingComesBackAsStored() {
    CatalogFile file =
        reader.read(
            "six-seconds.yaml",
            bytes(
                CatalogSamples.minimalWith("version: \"t-1\"", "version: \"t-six\"")
                    .replace("sms: 50 }", "sms: 50, voiceUnitSeconds: 6 }")
                    // A card of its own: other tests count the rows of "card".
                    .replace("- code: card", "- code: six-card")
                    .replace("product: card", "product: six-card")));

    store.store(file);

    assertThat(store.loadAll()).contains(file);
  }

  @Test
  void aStoredVersionLabelCannotBeStoredAgain() throws SQLException {
    CatalogFile original = reader.read("a.yaml", bytes(CatalogSamples.MINIMAL));
    store.store(original);
    CatalogFile edited =
        reader.read(
            "b.yaml", bytes(CatalogSamples.minimalWith("name: Test card", "name: Edited card")));

    assertThatThrownBy(() -> store.store(edited)).isInstanceOf(PersistenceException.class);

    assertThat(store.loadAll())
        .filteredOn(f -> f.version().version().equals("t-1"))
        .containsExactly(original);
    assertThat(countRows("catalog_product_offering where code = 'card'")).isEqualTo(1);
  }

  private static long countRows(String fromWhere) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        ResultSet rows =
            connection.createStatement().executeQuery("select count(*) from " + fromWhere)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
