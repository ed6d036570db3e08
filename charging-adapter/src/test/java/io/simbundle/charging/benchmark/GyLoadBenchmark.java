package io.simbundle.charging.benchmark;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyServer;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Gy load: concurrent PCEF sessions (CCR-I, three CCR-U with usage, CCR-T, two rating groups each)
 * against (a) a bare jDiameter answerer with no logic and no database and (b) the real charging
 * server on the embedded database, in the same run. Latency per CCR in an HdrHistogram. {@code
 * bare-direct} also loads the bare answerer's stack on its loopback port, past the peer guard.
 *
 * <p>Arguments: {@code [seconds per run] [requests in flight ...]}, e.g. {@code 20 16 64}.
 */
public final class GyLoadBenchmark {

  /** Which servers to run ({@code -Dgy.load.servers=charging} to profile the real one alone). */
  private static final String SERVERS = System.getProperty("gy.load.servers", "bare,charging");

  private GyLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Integer> inFlight = GyLoad.inFlightLevels(args, List.of(16, 64));
    System.out.println(GyLoad.Result.header());
    for (int concurrency : inFlight) {
      if (SERVERS.contains("bare")) {
        DiameterIdentity bare = GyLoad.identity("bare", 0);
        GyServer server =
            GyServer.start(
                bare,
                request -> CompletableFuture.completedFuture(GyLoad.bareAnswer(request, bare)));
        try {
          System.out.println(GyLoad.run("bare", bare, false, concurrency, seconds).line());
          if (SERVERS.contains("bare-direct")) {
            DiameterIdentity stack =
                new DiameterIdentity(
                    bare.host(), bare.realm(), bare.address(), server.stackAddress().getPort());
            System.out.println(
                GyLoad.run("bare-direct", stack, false, concurrency, seconds).line());
          }
        } finally {
          server.close();
        }
      }
      if (!SERVERS.contains("charging")) {
        continue;
      }
      try (Database database = TestDatabase.newSchema("gy_load")) {
        DiameterIdentity ocs = GyLoad.identity("charging", 0);
        try (ChargingFunction charging =
            ChargingFunction.start(database, ocs, GyLoad.SETTINGS, Clock.systemUTC())) {
          for (int i = 0; i < GyLoad.SUBSCRIBERS; i++) {
            charging.install(GyLoad.profile(i));
          }
          System.out.println(GyLoad.run("charging", ocs, false, concurrency, seconds).line());
        }
      }
    }
    System.exit(0);
  }
}
