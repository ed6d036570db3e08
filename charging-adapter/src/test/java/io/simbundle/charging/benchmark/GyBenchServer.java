package io.simbundle.charging.benchmark;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.cluster.ClusterSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyRequestListener;
import io.simbundle.charging.gy.GyServer;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One server process of {@link GyClusterBenchmark}, so that servers and load generator can be
 * pinned to different CPUs. Modes:
 *
 * <ul>
 *   <li>{@code database}: the embedded MariaDB with a schema holding {@link GyLoad#SUBSCRIBERS}
 *       subscribers; prints {@code READY <jdbc url>}
 *   <li>{@code bare <port>}: a jDiameter answerer with no logic and no database
 *   <li>{@code node <port> <node id> <jdbc url>}: a charging node of a cluster
 * </ul>
 */
public final class GyBenchServer {

  private GyBenchServer() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "database" -> {
        DatabaseSettings settings = TestDatabase.newSchemaSettings("gy_bench");
        try (Database database = Database.open(settings);
            ChargingFunction setup = node(database, "setup", GyLoad.identity("setup", 0))) {
          for (int i = 0; i < GyLoad.SUBSCRIBERS; i++) {
            setup.install(GyLoad.profile(i));
          }
        }
        System.out.println("READY " + settings.url().orElseThrow());
      }
      case "bare" -> {
        DiameterIdentity identity = GyLoad.identity("bare", Integer.parseInt(args[1]));
        GyServer.start(
            identity,
            request -> CompletableFuture.completedFuture(GyLoad.bareAnswer(request, identity)));
        System.out.println("READY");
      }
      case "node" -> {
        Database database =
            Database.open(
                new DatabaseSettings(Optional.of(args[3]), "root", "", Path.of("unused"), 0, 16));
        node(database, args[2], GyLoad.identity(args[2], Integer.parseInt(args[1])));
        System.out.println("READY");
      }
      default -> throw new IllegalArgumentException("no such mode: " + args[0]);
    }
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  private static ChargingFunction node(
      Database database, String nodeId, DiameterIdentity identity) {
    return ChargingFunction.start(
        database,
        identity,
        GyLoad.SETTINGS,
        Clock.systemUTC(),
        GyRequestListener.NONE,
        ClusterSettings.node(nodeId));
  }

  static Duration startTimeout() {
    return Duration.ofSeconds(120);
  }
}
