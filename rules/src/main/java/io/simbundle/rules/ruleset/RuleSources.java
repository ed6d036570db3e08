package io.simbundle.rules.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The rule files in force: those shipped in the rules module (listed in {@code rules/index.txt})
 * and, when a directory is configured, its {@code .drl} and {@code .csv} files — a file there
 * replaces the shipped file of the same name, any other is added.
 */
public final class RuleSources {

  private static final String INDEX = "rules/index.txt";

  private final Optional<Path> directory;

  public RuleSources(Optional<Path> directory) {
    this.directory = directory;
  }

  public Optional<Path> directory() {
    return directory;
  }

  public List<RuleSource> read() {
    Map<String, RuleSource> byName = new LinkedHashMap<>();
    builtIn().forEach(source -> byName.put(source.name(), source));
    directory.ifPresent(dir -> external(dir).forEach(source -> byName.put(source.name(), source)));
    return List.copyOf(byName.values());
  }

  private static List<RuleSource> builtIn() {
    ClassLoader loader = RuleSources.class.getClassLoader();
    return new String(resource(loader, INDEX), StandardCharsets.UTF_8)
        .lines()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .map(name -> new RuleSource(name, resource(loader, "rules/" + name)))
        .toList();
  }

  /**
   * The {@code .drl} and {@code .csv} files of a directory, e.g. a candidate's.
   *
   * @throws UncheckedIOException when it is not a readable directory
   */
  public static List<RuleSource> filesIn(Path directory) {
    return external(directory);
  }

  private static List<RuleSource> external(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new UncheckedIOException(
          new IOException("rules directory " + directory.toAbsolutePath() + " does not exist"));
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> ruleFiles =
          files
              .filter(Files::isRegularFile)
              .filter(f -> f.toString().endsWith(".drl") || f.toString().endsWith(".csv"))
              .sorted()
              .toList();
      Map<String, RuleSource> sources = new LinkedHashMap<>();
      for (Path file : ruleFiles) {
        String name = file.getFileName().toString();
        sources.put(name, new RuleSource(name, Files.readAllBytes(file)));
      }
      return List.copyOf(sources.values());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rules directory " + directory, e);
    }
  }

  private static byte[] resource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
