package io.simbundle.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.provisioning.app.TestEngine;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Where an ID number must never show: any log event of the run, and any stored column in the clear.
 * Watches the root logger from {@link #watch()} until {@link #close()}.
 */
public final class PersonalDataLeaks implements AutoCloseable {

  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  private PersonalDataLeaks() {
    logs.start();
    root().addAppender(logs);
  }

  public static PersonalDataLeaks watch() {
    return new PersonalDataLeaks();
  }

  /** Neither the ID number nor its birth date appears in any log event since {@link #watch()}. */
  public void assertNeverLogged(String idNumber) {
    assertThat(logs.list)
        .noneMatch(event -> event.getFormattedMessage().contains(idNumber))
        .noneMatch(event -> event.getFormattedMessage().contains(idNumber.substring(6, 14)));
  }

  /** No column of any row of the tables holds the ID number in the clear. */
  public static void assertNeverStoredInTheClear(
      TestEngine engine, String idNumber, List<String> tables) throws SQLException {
    try (Connection connection = TestDatabase.connect(engine.settings().database())) {
      for (String table : tables) {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM " + table)) {
          int columns = rows.getMetaData().getColumnCount();
          while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
              assertThat(String.valueOf(rows.getString(i))).as(table).doesNotContain(idNumber);
            }
          }
        }
      }
    }
  }

  @Override
  public void close() {
    root().detachAppender(logs);
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }
}
