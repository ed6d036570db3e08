package io.simbundle.charging.gy;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.gy.ChargingFixture.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.platform.testing.EngineTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A group commit that fails: its requests are answered 5012 and leave no trace, in the database or
 * in memory, so that the PCEF's retry is decided afresh and debited once.
 */
@EngineTest
class JournalFailureTest {

  private static final String SUBSCRIBER = "8618600000009";
  private ChargingFixture fixture;
  private PcefSimulator pcef;

  @BeforeEach
  void start() {
    fixture =
        ChargingFixture.start(
            "journal_failure",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.systemUTC());
    fixture.charging().install(profile(500 * MB));
    pcef = fixture.pcef("pgw-journal.pcef.simbundle.local");
  }

  @AfterEach
  void stop() {
    pcef.close();
    fixture.close();
  }

  @Test
  void failedCommitLeavesNoDebitAndTheRetryIsDebitedOnce() throws Exception {
    Session session = pcef.newSession();
    assertEquals(2001L, send(session, GyAvp.INITIAL_REQUEST, 0, -1).resultCode());

    journalUnavailable(true);
    try {
      assertEquals(5012L, send(session, GyAvp.UPDATE_REQUEST, 1, 3 * MB).resultCode());
    } finally {
      journalUnavailable(false);
    }
    assertEquals(0, fixture.charging().balance(SUBSCRIBER).orElseThrow().allowanceUsedBytes());

    assertEquals(2001L, send(session, GyAvp.UPDATE_REQUEST, 1, 3 * MB).resultCode());
    assertEquals(2001L, send(session, GyAvp.UPDATE_REQUEST, 1, 3 * MB).resultCode());
    assertEquals(3 * MB, fixture.charging().balance(SUBSCRIBER).orElseThrow().allowanceUsedBytes());

    fixture.restartCharging();
    assertEquals(3 * MB, fixture.charging().balance(SUBSCRIBER).orElseThrow().allowanceUsedBytes());
  }

  @Test
  void profileChangeDuringAnOutageFailsAndKeepsThePreviousOne() throws Exception {
    ChargingProfile bigger = profile(800 * MB);
    journalUnavailable(true);
    try {
      assertThrows(
          CompletionException.class,
          () ->
              assertTimeoutPreemptively(
                  Duration.ofSeconds(20), () -> fixture.charging().install(bigger)));
    } finally {
      journalUnavailable(false);
    }
    assertEquals(500 * MB, fixture.charging().balance(SUBSCRIBER).orElseThrow().allowanceBytes());
    fixture.charging().install(bigger);
    assertEquals(800 * MB, fixture.charging().balance(SUBSCRIBER).orElseThrow().allowanceBytes());
  }

  private static ChargingProfile profile(long allowance) {
    return ChargingFixture.plainProfile(SUBSCRIBER, allowance);
  }

  private AnswerView send(Session session, int type, int number, long used) {
    return new AnswerView(
        pcef.send(
            session,
            pcef.creditControlRequest(
                session, type, number, SUBSCRIBER, List.of(new Mscc(10, MB, used))),
            TIMEOUT));
  }

  /** Takes the journal table away (appends fail) or gives it back. */
  private void journalUnavailable(boolean unavailable) throws SQLException {
    try (Connection connection = fixture.database().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          unavailable
              ? "RENAME TABLE charging_journal TO charging_journal_away"
              : "RENAME TABLE charging_journal_away TO charging_journal");
    }
  }
}
