package io.simbundle.provisioning.fault;

import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.net.FreePort;
import io.simbundle.provisioning.engine.Launcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The whole engine in a JVM of its own, started by its launcher as in production, so that a test
 * can kill it with SIGKILL — no shutdown hook, nothing flushed — and start it again on the same
 * database, ports and files.
 */
final class EngineProcess implements AutoCloseable {

  static final String ADMIN_PASSWORD = "kill-test-password";

  private final DatabaseSettings database;
  private final int httpPort = FreePort.next();
  private final int diameterPort = FreePort.next();
  private final Path dataDirectory;
  private Process process;
  private int starts;

  EngineProcess(DatabaseSettings database) {
    this.database = database;
    try {
      this.dataDirectory = Files.createTempDirectory("simbundle-kill");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + httpPort + path);
  }

  int diameterPort() {
    return diameterPort;
  }

  /** Starts the engine and returns once it serves. */
  void start() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Launcher.class.getName()))
            .redirectErrorStream(true);
    var env = builder.environment();
    env.put("SIMBUNDLE_DB_URL", database.url().orElseThrow());
    env.put("SIMBUNDLE_DB_USER", database.user());
    env.put("SIMBUNDLE_DB_PASSWORD", database.password());
    env.put("SIMBUNDLE_HTTP_HOST", "127.0.0.1");
    env.put("SIMBUNDLE_HTTP_PORT", String.valueOf(httpPort));
    env.put("SIMBUNDLE_DIAMETER_PORT", String.valueOf(diameterPort));
    env.put("SIMBUNDLE_DATA_DIR", dataDirectory.toString());
    env.put("SIMBUNDLE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    Path log = dataDirectory.resolve("engine-" + ++starts + ".log");
    process = builder.start();
    CompletableFuture<Void> ready = new CompletableFuture<>();
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
                  if (line.startsWith("Press Ctrl-C")) {
                    ready.complete(null);
                  }
                }
              } catch (IOException e) {
                // Killed.
              }
              ready.completeExceptionally(
                  new IllegalStateException("the engine ended before it served; see " + log));
            },
            "engine-process-output");
    pump.setDaemon(true);
    pump.start();
    try {
      ready.get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** SIGKILL: the engine dies where it stands. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
