package io.simbundle.charging.benchmark;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.cluster.ClusterSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyRequestListener;
import io.simbundle.charging.gy.GyServer;
import io.simbundle.charging.nchf.ChfServer;
import io.simbundle.charging.nchf.ChfSettings;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One server process of {@link GyClusterBenchmark}, so that servers and load generator can be
 * pinned to different CPUs. Modes:
 *
 * <ul>
 *   <li>{@code database}: the embedded MariaDB with a schema holding {@link GyLoad#SUBSCRIBERS}
 *       subscribers; prints {@code READY <jdbc url>}
 *   <li>{@code bare <port>}: a jDiameter answerer with no logic and no database
 *   <li>{@code node <port> <node id> <jdbc url> [<chf port>]}: a charging node of a cluster, also
 *       serving the CHF when given a port
 *   <li>{@code bare-chf <port>}: an HTTP/2 answerer of Nchf requests with no logic and no database
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
        ChargingFunction node =
            node(database, args[2], GyLoad.identity(args[2], Integer.parseInt(args[1])));
        if (args.length > 4) {
          node.serveNchf(ChfSettings.cleartext("127.0.0.1", Integer.parseInt(args[4])));
        }
        System.out.println("READY");
      }
      case "bare-chf" -> {
        bareChf(Integer.parseInt(args[1]));
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

  /** The HTTP/2 stack's ceiling: canned answers to creates, updates and releases. */
  private static void bareChf(int port) throws Exception {
    String answer =
        "{\"invocationTimeStamp\":\"2026-12-03T08:00:00Z\",\"invocationSequenceNumber\":1,"
            + "\"multipleUnitInformation\":[{\"resultCode\":\"SUCCESS\",\"ratingGroup\":10,"
            + "\"grantedUnit\":{\"totalVolume\":1048576},\"validityTime\":1800}]}";
    AtomicLong references = new AtomicLong();
    Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2))
        .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port))
        .requestHandler(
            request ->
                request
                    .body()
                    .onSuccess(
                        body -> {
                          String path = request.path();
                          if (path.endsWith("/release")) {
                            request.response().setStatusCode(204).end();
                            return;
                          }
                          if (path.endsWith("/update")) {
                            request.response().setStatusCode(200);
                          } else {
                            request
                                .response()
                                .setStatusCode(201)
                                .putHeader(
                                    "Location",
                                    ChfServer.API + "/bare" + references.incrementAndGet());
                          }
                          request
                              .response()
                              .putHeader("Content-Type", "application/json")
                              .end(answer);
                        }))
        .listen()
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  static Duration startTimeout() {
    return Duration.ofSeconds(120);
  }
}
