package io.simbundle.charging.fault;

import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.platform.net.FreePort;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Debian's freeDiameter daemon as the relay in front of charging nodes, configured from the files
 * in docs/freediameter with a throw-away certificate, on a free loopback port. Its output is kept
 * in a log file and watched for the peers it has an open connection with.
 */
public final class FreeDiameterRelay implements AutoCloseable {

  static final Path DAEMON = Path.of("/usr/bin/freeDiameterd");
  static final Path EXTENSIONS = Path.of("/usr/lib/freeDiameter");

  /** The repository's relay configuration, from the module (tests) or the root (benchmarks). */
  private static final Path CONFIGURATION =
      Files.isDirectory(Path.of("..", "docs", "freediameter"))
          ? Path.of("..", "docs", "freediameter")
          : Path.of("docs", "freediameter");

  private final Process process;
  private final int port;
  private final Path log;
  private final Set<String> open = ConcurrentHashMap.newKeySet();

  private FreeDiameterRelay(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static boolean installed() {
    return Files.isExecutable(DAEMON) && Files.isDirectory(EXTENSIONS);
  }

  /** Starts the relay with a connection to each node. */
  public static FreeDiameterRelay start(List<DiameterIdentity> nodes) throws Exception {
    return start(nodes, List.of());
  }

  /**
   * Starts the relay with a connection to each node, its command behind {@code prefix} (e.g. {@code
   * taskset -c 1}).
   */
  public static FreeDiameterRelay start(List<DiameterIdentity> nodes, List<String> prefix)
      throws Exception {
    Path directory = Files.createTempDirectory("freediameter-relay");
    Path cert = directory.resolve("relay.cert.pem");
    Path key = directory.resolve("relay.key.pem");
    run(
        "openssl",
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-days",
        "2",
        "-subj",
        "/CN=relay.simbundle.local",
        "-keyout",
        key.toString(),
        "-out",
        cert.toString());
    for (String file : List.of("acl_wl.conf", "rt_busypeers.conf")) {
      Files.copy(CONFIGURATION.resolve(file), directory.resolve(file));
    }
    int port = FreePort.next();
    String peers =
        nodes.stream()
            .map(
                node ->
                    "ConnectPeer = \""
                        + node.host()
                        + "\" { ConnectTo = \""
                        + node.address()
                        + "\"; Port = "
                        + node.port()
                        + "; No_TLS; };")
            .collect(Collectors.joining("\n"));
    String conf =
        Files.readString(CONFIGURATION.resolve("relay.conf.template"))
            .replace("@RELAY_PORT@", Integer.toString(port))
            .replace("@CERT@", cert.toString())
            .replace("@KEY@", key.toString())
            .replace("@EXTENSIONS@", EXTENSIONS.toString())
            .replace("@CONF_DIR@", directory.toString())
            .replace("@NODES@", peers);
    Path confFile = directory.resolve("relay.conf");
    Files.writeString(confFile, conf);
    Path log = directory.resolve("relay.log");
    List<String> command = new java.util.ArrayList<>(prefix);
    command.addAll(List.of(DAEMON.toString(), "-c", confFile.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    FreeDiameterRelay relay = new FreeDiameterRelay(process, port, log);
    relay.watchOutput();
    return relay;
  }

  private void watchOutput() {
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  var file = Files.newBufferedWriter(log)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  file.write(line);
                  file.newLine();
                  file.flush();
                  // e.g. "'STATE_WAITCEA' -> 'STATE_OPEN' 'ocs-node-a.simbundle.local'"
                  int state = line.indexOf("-> STATE_OPEN");
                  if (state < 0) {
                    state = line.indexOf("-> 'STATE_OPEN'");
                  }
                  if (state >= 0) {
                    int end = line.lastIndexOf('\'');
                    int start = line.lastIndexOf('\'', end - 1);
                    if (start >= 0 && end > start) {
                      open.add(line.substring(start + 1, end));
                    }
                  }
                }
              } catch (IOException e) {
                // stopped
              }
            },
            "freediameter-output");
    pump.setDaemon(true);
    pump.start();
  }

  /** Waits until the relay has an open connection with each of these peers. */
  public void awaitOpen(Set<String> peers, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!open.containsAll(peers)) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError(
            "the relay did not open " + peers + " (open: " + open + "); its log: " + log);
      }
      Thread.sleep(100);
    }
  }

  public DiameterIdentity identity() {
    return new DiameterIdentity("relay.simbundle.local", "simbundle.local", "127.0.0.1", port);
  }

  Path log() {
    return log;
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
