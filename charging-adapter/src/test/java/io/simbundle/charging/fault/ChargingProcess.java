package io.simbundle.charging.fault;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.process.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The charging function alone in a JVM of its own, so that a test can kill it with SIGKILL: no
 * shutdown hook, no final checkpoint, answers in flight lost.
 */
public final class ChargingProcess {

  static final long MB = 1024 * 1024;

  static final ChargingSettings SETTINGS =
      new ChargingSettings(
          new GrantPolicy(10 * MB, Duration.ofMinutes(30)),
          Set.of(10L, 1000L),
          ChargingSettings.UnknownRatingGroups.DENY,
          Optional.empty(),
          ChargingSettings.DEFAULT_DUPLICATE_WINDOW);

  private ChargingProcess() {}

  static DiameterIdentity identity(int port) {
    return new DiameterIdentity("ocs.simbundle.local", "simbundle.local", "127.0.0.1", port);
  }

  /** Arguments: JDBC URL, user, password, Diameter port. Prints READY once listening. */
  public static void main(String[] args) throws InterruptedException {
    Database database =
        Database.open(
            new DatabaseSettings(Optional.of(args[0]), args[1], args[2], Path.of("unused"), 0, 8));
    ChargingFunction.start(
        database, identity(Integer.parseInt(args[3])), SETTINGS, Clock.systemUTC());
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** Starts the process on the test's classpath and waits until it listens. */
  static Process start(DatabaseSettings database, int port) throws Exception {
    return ChildJvm.start(
        ChargingProcess.class,
        List.of(),
        List.of(
            database.url().orElseThrow(),
            database.user(),
            database.password(),
            Integer.toString(port)),
        Map.of(),
        "READY",
        Files.createTempFile("charging-process", ".log"),
        Duration.ofSeconds(90));
  }
}
