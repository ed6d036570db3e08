package io.simbundle.provisioning.launcher;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The JVM the engine runs in when the launcher starts it with its class-data archive: the same
 * java, class path, options and arguments as the launcher's own, plus the archive's options. The
 * launcher stays in front of it: Ctrl-C or SIGTERM to the launcher stops the engine cleanly, the
 * engine's exit code is the launcher's, and an engine whose launcher vanished (kill -9) stops too.
 */
final class EngineJvm {

  /** Set in the engine's JVM, so that it runs the engine instead of launching again. */
  static final String LAUNCHED = "simbundle.launched";

  /** How long a stop may take before the engine is killed: its own shutdown, with margin. */
  private static final long STOP_SECONDS = 60;

  private EngineJvm() {}

  /**
   * Runs the engine in a JVM of its own until it ends, and returns its exit code. Without an
   * archive yet, {@link ArchiveMaker} makes one in the background once the engine has started.
   */
  static int run(ClassDataArchive archive, String[] args) throws IOException, InterruptedException {
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    String classPath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(archive.jvmOptions());
    command.add("-D" + LAUNCHED + "=true");
    command.add("-cp");
    command.add(classPath);
    command.add(Launcher.class.getName());
    command.addAll(List.of(args));
    boolean toMake = !archive.exists();
    Process engine = new ProcessBuilder(command).inheritIO().start();
    Optional<ArchiveMaker> maker =
        toMake
            ? Optional.of(new ArchiveMaker(archive, engine, jvmOptions, classPath))
            : Optional.empty();
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> stop(engine, maker), "simbundle-launcher-stop"));
    maker.ifPresent(
        m -> {
          Thread making = new Thread(m, "simbundle-class-data");
          making.setDaemon(true);
          making.start();
        });
    int exit = engine.waitFor();
    maker.ifPresent(ArchiveMaker::cancel);
    return exit;
  }

  /** Ctrl-C or SIGTERM to the launcher: the engine stops as it would have on its own. */
  private static void stop(Process engine, Optional<ArchiveMaker> maker) {
    maker.ifPresent(ArchiveMaker::cancel);
    engine.destroy();
    try {
      if (!engine.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
        engine.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** In the engine's JVM: stop when the launcher is gone, as a terminal closing would. */
  static void stopWithLauncher() {
    ProcessHandle.current()
        .parent()
        .ifPresent(
            launcher ->
                launcher
                    .onExit()
                    .thenRun(
                        () -> {
                          System.err.println("simbundle: launcher gone, stopping");
                          System.exit(143);
                        }));
  }
}
