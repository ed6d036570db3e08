package io.simbundle.platform.database;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The tables one module owns: its Flyway migrations live under {@code db/migration/<module>} on the
 * classpath and its history in {@code flyway_history_<module>}, so modules evolve their schema
 * independently in one database.
 *
 * @param module a lower-case module name such as {@code catalog}
 */
public record ModuleSchema(String module) {

  public ModuleSchema {
    Objects.requireNonNull(module);
    if (!module.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("module name must be lower-case identifier: " + module);
    }
  }

  public String location() {
    return "classpath:db/migration/" + module;
  }

  public String historyTable() {
    return "flyway_history_" + module;
  }

  void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations(location())
        .table(historyTable())
        // Another module's tables may already be there: start this module's history at 0.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .validateMigrationNaming(true)
        .load()
        .migrate();
  }
}
