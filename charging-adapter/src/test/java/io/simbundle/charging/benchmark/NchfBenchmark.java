package io.simbundle.charging.benchmark;

import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.platform.net.FreePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Nchf against Gy on the same machine, in one run: the load generator in this JVM (pin it with
 * {@code taskset -c 0}), the servers in processes of their own pinned with {@code taskset -c 1}
 * (the database and the charging node share that CPU, as in {@link GyClusterBenchmark}). First a
 * bare HTTP/2 answerer (the stack's ceiling), then one charging node serving Gy and the CHF: Nchf
 * PDU sessions (create, three updates, release) and Gy data sessions, in alternating pairs.
 *
 * <pre>
 * taskset -c 0 java -cp … io.simbundle.charging.benchmark.NchfBenchmark [seconds] [in flight…]
 * </pre>
 */
public final class NchfBenchmark {

  private NchfBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Integer> inFlight = GyLoad.inFlightLevels(args, List.of(64));
    List<String> pin =
        Files.isExecutable(Path.of("/usr/bin/taskset"))
            ? List.of("/usr/bin/taskset", "-c", System.getProperty("gy.bench.server-cpus", "1"))
            : List.of();
    System.out.println("servers pinned with " + pin + "; this generator's CPUs are its own");
    System.out.println(GyLoad.Result.header().replace("not 2001", "failed"));
    List<Process> started = new ArrayList<>();
    try {
      int barePort = FreePort.next();
      Process bare = GyClusterBenchmark.spawn(pin, "bare-chf", Integer.toString(barePort));
      for (int level : inFlight) {
        System.out.println(NchfLoad.run("bare HTTP/2 answerer", barePort, level, seconds).line());
      }
      bare.destroyForcibly().waitFor();

      Process database = GyClusterBenchmark.spawn(pin, "database");
      started.add(database);
      String url = GyClusterBenchmark.readyLine(database).substring("READY ".length());
      DiameterIdentity node = GyLoad.identity("node-1", FreePort.next());
      int chfPort = FreePort.next();
      started.add(
          GyClusterBenchmark.spawn(
              pin,
              "node",
              Integer.toString(node.port()),
              "node-1",
              url,
              Integer.toString(chfPort)));
      for (int pair = 0; pair < 2; pair++) {
        for (int level : inFlight) {
          System.out.println(NchfLoad.run("1 node, Nchf", chfPort, level, seconds).line());
          System.out.println(GyLoad.run("1 node, Gy", node, false, level, seconds).line());
        }
      }
    } finally {
      for (Process process : started) {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
    System.exit(0);
  }
}
