package io.simbundle.provisioning.fault;

import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.process.ChildJvm;
import io.simbundle.provisioning.launcher.Launcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    process =
        ChildJvm.start(
            Launcher.class,
            List.of("-Xmx1g"),
            List.of(),
            Map.of(
                "SIMBUNDLE_DB_URL", database.url().orElseThrow(),
                "SIMBUNDLE_DB_USER", database.user(),
                "SIMBUNDLE_DB_PASSWORD", database.password(),
                "SIMBUNDLE_HTTP_HOST", "127.0.0.1",
                "SIMBUNDLE_HTTP_PORT", String.valueOf(httpPort),
                "SIMBUNDLE_DIAMETER_PORT", String.valueOf(diameterPort),
                "SIMBUNDLE_CHF_PORT", String.valueOf(FreePort.next()),
                "SIMBUNDLE_DATA_DIR", dataDirectory.toString(),
                // In this JVM, so that SIGKILL hits the engine itself, not a launcher in front.
                "SIMBUNDLE_CLASS_DATA", "off",
                "SIMBUNDLE_ADMIN_PASSWORD", ADMIN_PASSWORD),
            "Press Ctrl-C",
            dataDirectory.resolve("engine-" + ++starts + ".log"),
            Duration.ofSeconds(120));
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
