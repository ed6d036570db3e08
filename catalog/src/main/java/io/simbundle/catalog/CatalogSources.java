package io.simbundle.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where catalog files come from: those shipped in the catalog module (listed in {@code
 * catalog/index.txt} on the classpath) and, when configured, every {@code .yaml}, {@code .yml} or
 * {@code .json} file in an external directory, read in name order.
 */
public final class CatalogSources {

  /** One file's name and bytes. */
  public record Source(String name, byte[] content) {}

  private static final String INDEX = "catalog/index.txt";

  private final boolean includeBuiltIn;
  private final Optional<Path> directory;

  public CatalogSources(boolean includeBuiltIn, Optional<Path> directory) {
    this.includeBuiltIn = includeBuiltIn;
    this.directory = directory;
  }

  public List<Source> read() {
    List<Source> sources = new ArrayList<>();
    if (includeBuiltIn) {
      sources.addAll(builtIn());
    }
    directory.ifPresent(dir -> sources.addAll(external(dir)));
    return sources;
  }

  private static List<Source> builtIn() {
    ClassLoader loader = CatalogSources.class.getClassLoader();
    List<Source> sources = new ArrayList<>();
    for (String name : readResource(loader, INDEX).lines().map(String::strip).toList()) {
      if (!name.isEmpty() && !name.startsWith("#")) {
        sources.add(
            new Source(
                name, readResource(loader, "catalog/" + name).getBytes(StandardCharsets.UTF_8)));
      }
    }
    return sources;
  }

  private static List<Source> external(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new UncheckedIOException(
          new IOException("catalog directory " + directory.toAbsolutePath() + " does not exist"));
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<Path> catalogFiles =
          files
              .filter(Files::isRegularFile)
              .filter(CatalogSources::isCatalogFile)
              .sorted()
              .toList();
      List<Source> sources = new ArrayList<>();
      for (Path file : catalogFiles) {
        sources.add(new Source(file.getFileName().toString(), Files.readAllBytes(file)));
      }
      return sources;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog directory " + directory, e);
    }
  }

  private static boolean isCatalogFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static String readResource(ClassLoader loader, String name) {
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
