package io.simbundle.provisioning.benchmark;

import io.simbundle.platform.net.FreePort;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How long the packaged engine takes from {@code java -jar simbundle.jar} to its first TMF620
 * answer: once on an empty data directory (the embedded MariaDB installs itself), then {@code
 * starts - 1} more times on the same data, each stopped with SIGTERM before the next. Arguments:
 * the number of starts (default 5).
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * java -cp "provisioning/target/test-classes:platform/target/test-classes" \
 *   io.simbundle.provisioning.benchmark.StartupBenchmark 6
 * </pre>
 */
public final class StartupBenchmark {

  private static final Path JAR = Path.of("provisioning", "target", "simbundle.jar");
  private static final Duration LIMIT = Duration.ofSeconds(120);

  private StartupBenchmark() {}

  public static void main(String[] args) throws Exception {
    int starts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run ./mvnw -q -DskipTests package first");
    }
    Path data = Files.createTempDirectory("simbundle-startup");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    List<Long> later = new ArrayList<>();
    for (int i = 1; i <= starts; i++) {
      long millis = startOnce(data, http, i == 1);
      System.out.printf(
          "start %d (%s): %,d ms%n", i, i == 1 ? "empty data" : "existing data", millis);
      if (i > 1) {
        later.add(millis);
      }
    }
    later.sort(null);
    if (!later.isEmpty()) {
      System.out.printf(
          "starts on existing data: median %,d ms, best %,d ms, worst %,d ms%n",
          later.get(later.size() / 2), later.get(0), later.get(later.size() - 1));
    }
  }

  private static long startOnce(Path data, HttpClient http, boolean untilArchived)
      throws Exception {
    int httpPort = FreePort.next();
    URI catalog =
        URI.create(
            "http://127.0.0.1:"
                + httpPort
                + "/tmf-api/productCatalogManagement/v5/productOffering");
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("engine.log").toFile());
    builder.environment().put("SIMBUNDLE_DATA_DIR", data.toString());
    builder.environment().put("SIMBUNDLE_HTTP_PORT", String.valueOf(httpPort));
    builder.environment().put("SIMBUNDLE_DIAMETER_PORT", String.valueOf(FreePort.next()));
    builder.environment().put("SIMBUNDLE_CHF_PORT", String.valueOf(FreePort.next()));
    builder.environment().put("SIMBUNDLE_ADMIN_PASSWORD", "startup-benchmark");
    long started = System.nanoTime();
    Process engine = builder.start();
    try {
      while (System.nanoTime() - started < LIMIT.toNanos()) {
        if (!engine.isAlive()) {
          throw new IllegalStateException("the engine stopped: see " + data.resolve("engine.log"));
        }
        if (answers(http, catalog)) {
          long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
          if (untilArchived) {
            awaitClassDataArchive(data, engine);
          }
          return millis;
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("no answer within " + LIMIT);
    } finally {
      engine.destroy();
      if (!engine.waitFor(30, TimeUnit.SECONDS)) {
        engine.destroyForcibly();
      }
    }
  }

  /**
   * Keeps the first start running, as a deployed engine would, until the launcher has made the
   * class-data archive that later starts map.
   */
  private static void awaitClassDataArchive(Path data, Process engine) throws Exception {
    if ("off".equals(System.getenv("SIMBUNDLE_CLASS_DATA"))) {
      return;
    }
    long answered = System.nanoTime();
    Path archives = data.resolve("class-data");
    while (System.nanoTime() - answered < LIMIT.toNanos() && engine.isAlive()) {
      try (var files = Files.list(archives)) {
        if (files.anyMatch(f -> f.getFileName().toString().endsWith(".jsa"))) {
          System.out.printf(
              "class-data archive made %,d ms after the first answer%n",
              TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - answered));
          return;
        }
      } catch (IOException notYet) {
        // The directory appears with the launcher.
      }
      Thread.sleep(500);
    }
    System.out.println("no class-data archive: later starts run without one");
  }

  private static boolean answers(HttpClient http, URI uri) throws InterruptedException {
    try {
      return http.send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException notYet) {
      return false;
    }
  }
}
