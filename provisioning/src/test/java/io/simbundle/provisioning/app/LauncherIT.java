package io.simbundle.provisioning.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.platform.net.FreePort;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first line, as a user runs it: {@code java -jar provisioning/target/simbundle.jar}
 * on the embedded defaults, stopped by SIGTERM like Ctrl-C, started again on the same data; the
 * class-data archive its first start makes, mapped by the next.
 */
class LauncherIT {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration ARCHIVE_TIMEOUT = Duration.ofSeconds(180);

  @TempDir Path dataDir;

  @Test
  void launcherServesTheDemoCatalogStopsCleanlyAndFindsItsDataAgain() throws Exception {
    int port = FreePort.next();

    List<String> firstRun = runUntilReadyThenStop(port, true);
    assertThat(firstRun).anyMatch(line -> line.contains("catalog version 2026.11 from"));
    assertThat(firstRun).anyMatch(line -> line.contains("simbundle stopping"));
    assertThat(firstRun).as("a clean start and stop").noneMatch(LauncherIT::warnsOrFails);

    List<String> secondRun = runUntilReadyThenStop(port, false);
    assertThat(secondRun).anyMatch(line -> line.contains("simbundle is running (catalog 2026.11)"));
    // The catalog came from the database this time: nothing was stored again.
    assertThat(secondRun).noneMatch(line -> line.contains("stored and in use"));
    assertThat(secondRun).as("a clean start and stop").noneMatch(LauncherIT::warnsOrFails);
  }

  @Test
  void theFirstStartMakesAClassDataArchiveThatTheNextStartMaps() throws Exception {
    int port = FreePort.next();
    Process first = simbundle(port).redirectOutput(dataDir.resolve("first.log").toFile()).start();
    Path archive;
    try {
      archive = awaitArchive(first);
    } finally {
      first.toHandle().destroy();
      assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("first start stopped").isTrue();
    }
    assertThat(
            run(
                javaCommand(
                    "-XX:SharedArchiveFile=" + archive,
                    "-XX:+PrintSharedArchiveAndExit",
                    "-cp",
                    Path.of("target", "simbundle.jar").toString())))
        .as("the archive fits this JVM and class path")
        .contains("archive is valid");

    Process second = simbundle(port).redirectOutput(dataDir.resolve("second.log").toFile()).start();
    try {
      awaitAnswer(port);
      assertThat(second.toHandle().children())
          .as("the engine's JVM, started by the launcher")
          .singleElement()
          .satisfies(
              engine ->
                  assertThat(engine.info().commandLine().orElse(""))
                      .contains("-XX:SharedArchiveFile=" + archive));
    } finally {
      second.toHandle().destroy();
      assertThat(second.waitFor(30, TimeUnit.SECONDS)).as("second start stopped").isTrue();
    }
    assertThat(Files.readAllLines(dataDir.resolve("second.log")))
        .anyMatch(line -> line.startsWith("Press Ctrl-C"))
        .noneMatch(LauncherIT::warnsOrFails);
  }

  private static boolean warnsOrFails(String line) {
    return line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("[warning]");
  }

  /** The archive the launcher makes in the background once the engine has started. */
  private Path awaitArchive(Process engine) throws Exception {
    Path directory = dataDir.resolve("class-data");
    Instant deadline = Instant.now().plus(ARCHIVE_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      assertThat(engine.isAlive()).as("engine running").isTrue();
      if (Files.isDirectory(directory)) {
        try (var files = Files.list(directory)) {
          Optional<Path> made =
              files.filter(f -> f.getFileName().toString().endsWith(".jsa")).findFirst();
          if (made.isPresent()) {
            return made.get();
          }
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no class-data archive within " + ARCHIVE_TIMEOUT);
  }

  private static void awaitAnswer(int port) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(catalogUri(port)).build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("no answer within " + START_TIMEOUT);
  }

  private static URI catalogUri(int port) {
    return URI.create(
        "http://127.0.0.1:" + port + "/tmf-api/productCatalogManagement/v5/productOffering");
  }

  private static List<String> javaCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(args));
    return command;
  }

  private static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return printed;
  }

  private final int diameterPort = FreePort.next();
  private final int chfPort = FreePort.next();

  /** {@code java -jar target/simbundle.jar [args]} with the test's data directory and ports. */
  private ProcessBuilder simbundle(int port, String... args) {
    Path jar = Path.of("target", "simbundle.jar");
    assertThat(jar).exists();
    List<String> command = javaCommand("-jar", jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SIMBUNDLE_DATA_DIR", dataDir.toString());
    builder.environment().put("SIMBUNDLE_HTTP_PORT", String.valueOf(port));
    builder.environment().put("SIMBUNDLE_HTTP_HOST", "127.0.0.1");
    builder.environment().put("SIMBUNDLE_DIAMETER_PORT", String.valueOf(diameterPort));
    builder.environment().put("SIMBUNDLE_CHF_PORT", String.valueOf(chfPort));
    builder.environment().remove("SIMBUNDLE_DB_URL");
    builder.environment().remove("SIMBUNDLE_ADMIN_PASSWORD");
    return builder;
  }

  /**
   * The README's demo line against the running engine: it finds the generated admin password in the
   * data directory and tells the story to its end.
   */
  private void demoTellsTheStory(int port) throws Exception {
    Process demo = simbundle(port, "demo").start();
    String printed = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("demo ended").isTrue();
    assertThat(demo.exitValue()).as(printed).isZero();
    assertThat(printed)
        .contains(
            "Final-Unit-Indication TERMINATE",
            "Nchf create (5G)",
            "tencent owes",
            "The story is told.")
        .doesNotContain(" INFO ");
  }

  private List<String> runUntilReadyThenStop(int port, boolean withDemo) throws Exception {
    Process engine = simbundle(port).start();
    List<String> output = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
      Instant deadline = Instant.now().plus(START_TIMEOUT);
      String line;
      while ((line = lines.readLine()) != null && Instant.now().isBefore(deadline)) {
        output.add(line);
        if (line.startsWith("Press Ctrl-C")) {
          break;
        }
      }
      assertThat(output).as("engine output").anyMatch(l -> l.startsWith("Press Ctrl-C"));

      HttpResponse<String> offerings =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(catalogUri(port)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(offerings.statusCode()).isEqualTo(200);
      assertThat(offerings.body()).contains("wechat-wo", "yixin-card", "tmall-card");
      if (withDemo) {
        demoTellsTheStory(port);
      }

      // SIGTERM, as Ctrl-C would do; through the handle, which leaves the output readable.
      engine.toHandle().destroy();
      assertThat(engine.waitFor(30, TimeUnit.SECONDS)).as("engine stopped").isTrue();
      while ((line = lines.readLine()) != null) {
        output.add(line);
      }
    } finally {
      engine.destroyForcibly();
    }
    assertThat(Files.list(dataDir.resolve("mariadb").resolve("data")).count()).isPositive();
    assertThat(mariaDbStillRunningOn(dataDir))
        .as("embedded MariaDB stopped with the engine")
        .isFalse();
    return output;
  }

  private static boolean mariaDbStillRunningOn(Path dataDir) {
    return ProcessHandle.allProcesses()
        .anyMatch(
            p ->
                p.info().commandLine().orElse("").contains("mariadbd")
                    && p.info().commandLine().orElse("").contains(dataDir.toString()));
  }
}
