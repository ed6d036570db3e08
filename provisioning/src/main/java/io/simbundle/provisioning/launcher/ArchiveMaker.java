package io.simbundle.provisioning.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the class-data archive from the class list of a running first start: once the list has
 * stopped growing (the engine has started), a JVM of its own dumps the listed classes into the
 * archive ({@code -Xshare:dump}, about 25 s of one core here), at the lowest CPU priority so a busy
 * engine is not slowed. Nothing is kept from a dump that fails or is cut short by the engine
 * stopping; the next start lists and tries again.
 */
final class ArchiveMaker implements Runnable {

  /** The list counts as complete when it has not grown for this long. */
  private static final long QUIET_MILLIS = 5_000;

  private final ClassDataArchive archive;
  private final Process engine;
  private final List<String> jvmOptions;
  private final String classPath;
  private volatile Process dump;

  /**
   * @param jvmOptions the engine's options; those starting with {@code -X} (heap, GC) are given to
   *     the dump too, since an archive made under another heap layout maps only in part
   */
  ArchiveMaker(
      ClassDataArchive archive, Process engine, List<String> jvmOptions, String classPath) {
    this.archive = archive;
    this.engine = engine;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.classPath = classPath;
  }

  @Override
  public void run() {
    try {
      Path list = whenQuiet();
      if (list == null) {
        return;
      }
      dump =
          new ProcessBuilder(command(list))
              .redirectErrorStream(true)
              .redirectOutput(archive.makingLog().toFile())
              .start();
      try {
        while (!dump.waitFor(1, TimeUnit.SECONDS)) {
          if (!engine.isAlive()) {
            return;
          }
        }
      } finally {
        dump.destroyForcibly();
      }
      if (dump.exitValue() == 0 && Files.isRegularFile(archive.making())) {
        archive.keep();
        Files.deleteIfExists(archive.makingLog());
      } else {
        System.err.println(
            "simbundle: class-data archive not made, see " + archive.makingLog().toAbsolutePath());
      }
    } catch (IOException e) {
      System.err.println("simbundle: class-data archive not made: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      try {
        Files.deleteIfExists(archive.making());
      } catch (IOException ignored) {
        // Left for the next start, which overwrites it.
      }
    }
  }

  /** The engine has stopped: a dump under way is cut short. */
  void cancel() {
    Process running = dump;
    if (running != null) {
      running.destroyForcibly();
    }
  }

  /** A copy of the class list once it stopped growing, or null when the engine stopped first. */
  private Path whenQuiet() throws IOException, InterruptedException {
    long size = -1;
    long quietSince = System.nanoTime();
    while (engine.isAlive()) {
      long now = Files.isRegularFile(archive.classList()) ? Files.size(archive.classList()) : -1;
      if (now != size) {
        size = now;
        quietSince = System.nanoTime();
      } else if (size > 0
          && TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quietSince) >= QUIET_MILLIS) {
        return snapshot();
      }
      Thread.sleep(500);
    }
    return null;
  }

  /** The list as it is now, without a line the engine may be half-way through writing. */
  private Path snapshot() throws IOException {
    List<String> lines = Files.readAllLines(archive.classList());
    Path copy = archive.directory().resolve(archive.classList().getFileName() + ".snapshot");
    Files.write(copy, lines.subList(0, Math.max(0, lines.size() - 1)));
    return copy;
  }

  private List<String> command(Path list) {
    List<String> command = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
      command.addAll(List.of("/usr/bin/nice", "-n", "19"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    jvmOptions.stream().filter(option -> option.startsWith("-X")).forEach(command::add);
    command.addAll(
        List.of(
            "-Xshare:dump",
            "-XX:SharedClassListFile=" + list,
            "-XX:SharedArchiveFile=" + archive.making(),
            "-cp",
            classPath));
    return command;
  }
}
