package io.simbundle.charging.fault;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.cluster.ClusterSettings;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyRequestListener;
import io.simbundle.charging.nchf.ChfSettings;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.process.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

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

  /**
   * Arguments: JDBC URL, user, password, Diameter port; for a node of a cluster also its id, lease
   * and renewal period in milliseconds. Prints READY once listening.
   */
  public static void main(String[] args) throws InterruptedException {
    Database database =
        Database.open(
            new DatabaseSettings(Optional.of(args[0]), args[1], args[2], Path.of("unused"), 0, 8));
    int port = Integer.parseInt(args[3]);
    if (args.length > 4) {
      ChargingFunction.start(
          database,
          nodeIdentity(args[4], port),
          SETTINGS,
          Clock.systemUTC(),
          GyRequestListener.NONE,
          new ClusterSettings(
              args[4],
              Duration.ofMillis(Long.parseLong(args[5])),
              Duration.ofMillis(Long.parseLong(args[6]))));
    } else {
      ChargingFunction charging =
          ChargingFunction.start(database, identity(port), SETTINGS, Clock.systemUTC());
      Integer chfPort = Integer.getInteger(CHF_PORT);
      if (chfPort != null) {
        charging.serveNchf(ChfSettings.cleartext("127.0.0.1", chfPort));
      }
    }
    System.out.println("READY");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** The system property that makes the process serve the CHF on a port too. */
  static final String CHF_PORT = "simbundle.test.chf-port";

  /** Starts the process serving Gy and the CHF, and waits until both listen. */
  static Process startWithChf(DatabaseSettings database, int port, int chfPort) throws Exception {
    return launch(database, port, List.of("-D" + CHF_PORT + "=" + chfPort), "charging-chf-process");
  }

  static DiameterIdentity nodeIdentity(String nodeId, int port) {
    return new DiameterIdentity(
        "ocs-" + nodeId + ".simbundle.local", "simbundle.local", "127.0.0.1", port);
  }

  /** A node of a cluster in this JVM (to install subscribers, or to read what the nodes left). */
  static ChargingFunction inProcessNode(
      Database database, String nodeId, Duration lease, Duration renewEvery) {
    return ChargingFunction.start(
        database,
        nodeIdentity(nodeId, FreePort.next()),
        SETTINGS,
        Clock.systemUTC(),
        GyRequestListener.NONE,
        new ClusterSettings(nodeId, lease, renewEvery));
  }

  /** Starts a node of a cluster in a small JVM of its own and waits until it listens. */
  static Process startNode(
      DatabaseSettings database, int port, String nodeId, Duration lease, Duration renewEvery)
      throws Exception {
    return ChildJvm.start(
        ChargingProcess.class,
        List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"),
        List.of(
            database.url().orElseThrow(),
            database.user(),
            database.password(),
            Integer.toString(port),
            nodeId,
            Long.toString(lease.toMillis()),
            Long.toString(renewEvery.toMillis())),
        Map.of(),
        "READY",
        Files.createTempFile("charging-node-" + nodeId, ".log"),
        Duration.ofSeconds(90));
  }

  /**
   * Runs {@code workers} load loops on threads of their own, kills the process with SIGKILL after
   * {@code loadFor}, and returns once every loop has stopped. A loop is given its index and the
   * flag that says the kill has come: a request failing after it is one the kill left unanswered.
   */
  static void loadThenKill(
      Process server, int workers, Duration loadFor, BiConsumer<Integer, AtomicBoolean> loop)
      throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService threads = Executors.newFixedThreadPool(workers);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        int index = i;
        running.add(threads.submit(() -> loop.accept(index, killed)));
      }
      Thread.sleep(loadFor.toMillis());
      killed.set(true);
      server.destroyForcibly().waitFor();
      for (Future<?> worker : running) {
        worker.get();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** Starts the process on the test's classpath and waits until it listens. */
  static Process start(DatabaseSettings database, int port) throws Exception {
    return launch(database, port, List.of(), "charging-process");
  }

  private static Process launch(
      DatabaseSettings database, int port, List<String> jvmOptions, String logName)
      throws Exception {
    return ChildJvm.start(
        ChargingProcess.class,
        jvmOptions,
        List.of(
            database.url().orElseThrow(),
            database.user(),
            database.password(),
            Integer.toString(port)),
        Map.of(),
        "READY",
        Files.createTempFile(logName, ".log"),
        Duration.ofSeconds(90));
  }
}
