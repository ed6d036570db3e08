package io.simbundle.platform.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A main class of the test classpath run in a JVM of its own, so that a test can kill it with
 * SIGKILL — no shutdown hook runs, nothing is flushed. Its output goes to a log file.
 */
public final class ChildJvm {

  private ChildJvm() {}

  /**
   * Starts {@code main} and returns once it printed a line starting with {@code ready}.
   *
   * @param environment variables set for it on top of the test's own
   * @param log where its output goes
   */
  public static Process start(
      Class<?> main,
      List<String> jvmOptions,
      List<String> arguments,
      Map<String, String> environment,
      String ready,
      Path log,
      Duration timeout)
      throws Exception {
    return start(List.of(), main, jvmOptions, arguments, environment, ready, log, timeout);
  }

  /**
   * Like {@link #start(Class, List, List, Map, String, Path, Duration)}, the JVM's command behind
   * {@code prefix} (for example {@code taskset -c 1}, to pin it to a CPU).
   */
  public static Process start(
      List<String> prefix,
      Class<?> main,
      List<String> jvmOptions,
      List<String> arguments,
      Map<String, String> environment,
      String ready,
      Path log,
      Duration timeout)
      throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    CompletableFuture<Void> started = new CompletableFuture<>();
    Thread pump =
        new Thread(
            () -> {
              try (BufferedReader out =
                      new BufferedReader(
                          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                  BufferedWriter file = Files.newBufferedWriter(log)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  file.write(line);
                  file.newLine();
                  if (line.startsWith(ready)) {
                    file.flush();
                    started.complete(null);
                  }
                }
              } catch (IOException e) {
                // Killed.
              }
              started.completeExceptionally(
                  new IllegalStateException(main.getSimpleName() + " ended; its output: " + log));
            },
            main.getSimpleName() + "-output");
    pump.setDaemon(true);
    pump.start();
    try {
      started.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
    return process;
  }
}
