package io.simbundle.provisioning.launcher;

import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import io.simbundle.provisioning.app.EngineRunner;
import io.simbundle.provisioning.demo.DemoStory;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar simbundle.jar}: starts the engine and runs until Ctrl-C or SIGTERM. {@code java
 * -jar simbundle.jar demo} instead tells the demo story to an engine already running. A room of its
 * own, above both: the engine knows nothing of the demo, which is only a client of it.
 *
 * <p>The engine runs in a JVM of its own ({@link EngineJvm}) that maps the class-data archive
 * recorded by its first start ({@link ClassDataArchive}). With {@code simbundle.class-data=off}, or
 * in a JVM already given an archive, it runs in the launcher's JVM instead.
 */
public final class Launcher {

  /** {@code auto} (the default) or {@code off}. */
  static final String CLASS_DATA = "simbundle.class-data";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && "demo".equals(args[0])) {
      // Before any logger exists: logback reads it when it configures itself.
      System.setProperty("simbundle.log.level", "WARN");
      DemoStory.main(args);
      return;
    }
    if (Boolean.getBoolean(EngineJvm.LAUNCHED)) {
      EngineJvm.stopWithLauncher();
      EngineRunner.run();
      return;
    }
    Settings settings = Settings.fromEnvironment(Map.of());
    List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
    String classPath = System.getProperty("java.class.path");
    if (!withArchive(settings.text(CLASS_DATA, "auto"))
        || givenAnArchive(jvmOptions)
        || !ClassDataArchive.possibleFor(classPath)) {
      EngineRunner.run();
      return;
    }
    ClassDataArchive archive =
        ClassDataArchive.of(
            settings.path(DatabaseSettings.DATA_DIR).orElse(Path.of("data")).resolve("class-data"),
            System.getProperty("java.home"),
            System.getProperty("java.vm.version"),
            jvmOptions,
            classPath);
    try {
      Files.createDirectories(archive.directory());
    } catch (IOException e) {
      System.err.println(
          "simbundle: no class-data archive (" + e.getMessage() + "), starting without one");
      EngineRunner.run();
      return;
    }
    System.exit(EngineJvm.run(archive, args));
  }

  private static boolean withArchive(String classData) {
    return switch (classData) {
      case "auto" -> true;
      case "off" -> false;
      default -> {
        System.err.println(
            "simbundle did not start: "
                + new InvalidSettingException(CLASS_DATA, classData, "must be auto or off")
                    .getMessage());
        System.exit(1);
        yield false;
      }
    };
  }

  private static boolean givenAnArchive(List<String> jvmOptions) {
    return jvmOptions.stream()
        .anyMatch(
            option ->
                option.startsWith("-XX:SharedArchiveFile")
                    || option.startsWith("-XX:ArchiveClassesAtExit"));
  }
}
