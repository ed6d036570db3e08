package io.simbundle.charging.benchmark;

import io.simbundle.charging.fault.FreeDiameterRelay;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.Shards;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.process.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gy load on servers in processes of their own, pinned apart from the load generator: run this JVM
 * with {@code taskset -c 0}; the servers (the database, the nodes, the relay) go to the CPUs in
 * {@code -Dgy.bench.server-cpus} (default {@code 1}) through {@code taskset}. In one run: the bare
 * jDiameter answerer; one charging node; one node behind Debian's freeDiameter relay; two and three
 * nodes behind it.
 *
 * <p>Arguments: {@code [seconds per run] [requests in flight ...]}, e.g. {@code 20 8 64}.
 */
public final class GyClusterBenchmark {

  private static final String CPUS = System.getProperty("gy.bench.server-cpus", "1");

  /** Measures only with this many nodes or more (and not the bare answerer when above 1). */
  private static final int FROM_NODES = Integer.getInteger("gy.bench.from-nodes", 1);

  /** Measures with at most this many nodes. */
  private static final int UP_TO_NODES = Integer.getInteger("gy.bench.up-to-nodes", 3);

  /**
   * The one node is also measured under a mix of data, calls and SMS ({@code
   * -Dgy.bench.voice-sms=true}), after the data-only run, as its baseline.
   */
  private static final boolean VOICE_SMS = Boolean.getBoolean("gy.bench.voice-sms");

  private GyClusterBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Integer> inFlight = GyLoad.inFlightLevels(args, List.of(8, 64));
    List<String> pin =
        Files.isExecutable(Path.of("/usr/bin/taskset"))
            ? List.of("/usr/bin/taskset", "-c", CPUS)
            : List.of();
    System.out.println("servers pinned with " + pin + "; this generator's CPUs are its own");
    List<Process> started = new ArrayList<>();
    try {
      System.out.println(GyLoad.Result.header());
      if (FROM_NODES <= 1) {
        DiameterIdentity bare = GyLoad.identity("bare", FreePort.next());
        Process bareServer = spawn(pin, "bare", Integer.toString(bare.port()));
        for (int concurrency : inFlight) {
          System.out.println(GyLoad.run("bare", bare, false, concurrency, seconds).line());
        }
        bareServer.destroyForcibly().waitFor();
      }

      Process databaseProcess = spawn(pin, "database");
      started.add(databaseProcess);
      String url = readyLine(databaseProcess).substring("READY ".length());
      try (Database database =
          Database.open(new DatabaseSettings(Optional.of(url), "root", "", Path.of("x"), 0, 2))) {
        LeaseTable leases = new LeaseTable(database.dataSource());
        List<DiameterIdentity> nodes = new ArrayList<>();
        for (int count = 1; count <= UP_TO_NODES; count++) {
          String nodeId = "node-" + count;
          DiameterIdentity node = GyLoad.identity(nodeId, FreePort.next());
          started.add(spawn(pin, "node", Integer.toString(node.port()), nodeId, url));
          nodes.add(node);
          awaitShared(leases, count);
          if (count < FROM_NODES) {
            continue;
          }
          if (count == 1) {
            for (int concurrency : inFlight) {
              System.out.println(GyLoad.run("1 node", node, false, concurrency, seconds).line());
              if (VOICE_SMS) {
                System.out.println(
                    GyLoad.run(
                            "1 node, calls+SMS",
                            node,
                            false,
                            concurrency,
                            seconds,
                            GyLoad.Mix.VOICE_SMS)
                        .line());
              }
            }
          }
          try (FreeDiameterRelay relay = FreeDiameterRelay.start(nodes, pin)) {
            relay.awaitOpen(
                nodes.stream()
                    .map(DiameterIdentity::host)
                    .collect(java.util.stream.Collectors.toSet()),
                java.time.Duration.ofSeconds(30));
            for (int concurrency : inFlight) {
              System.out.println(
                  GyLoad.run(
                          count + " node(s) via relay",
                          relay.identity(),
                          true,
                          concurrency,
                          seconds)
                      .line());
            }
          }
        }
      }
    } finally {
      // SIGTERM: the database process stops its MariaDB in its shutdown hook.
      for (Process process : started) {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      }
    }
    System.exit(0);
  }

  private static void awaitShared(LeaseTable leases, int nodes) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (true) {
      List<LeaseTable.Lease> all = leases.all();
      long owners = all.stream().map(LeaseTable.Lease::owner).distinct().count();
      if (all.size() == Shards.COUNT && owners == nodes) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(nodes + " nodes did not share the shards");
      }
      Thread.sleep(200);
    }
  }

  /** A server process of the benchmarks, pinned, once it printed READY. */
  static Process spawn(List<String> pin, String... arguments) throws Exception {
    Path log = Files.createTempFile("gy-bench-" + arguments[0], ".log");
    Process process =
        ChildJvm.start(
            pin,
            GyBenchServer.class,
            List.of("-Xmx1g"),
            List.of(arguments),
            Map.of(),
            "READY",
            log,
            GyBenchServer.startTimeout());
    LOGS.put(process, log);
    return process;
  }

  private static final Map<Process, Path> LOGS = new java.util.concurrent.ConcurrentHashMap<>();

  /** The READY line a server process printed. */
  static String readyLine(Process process) throws Exception {
    return Files.readAllLines(LOGS.get(process)).stream()
        .filter(line -> line.startsWith("READY"))
        .findFirst()
        .orElseThrow();
  }
}
