package io.simbundle.rules.ruleset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule sets kept by the digest of their sources, so that rules are compiled once, not at
 * every start: the shipped rules are compiled when the engine is built (into the classpath, under
 * {@value #SHIPPED}), and a set compiled at run time — a rules directory that changes them — is
 * kept in a cache directory for the next start.
 *
 * <p>A compiled set refers to the engine's fact classes and to the Drools release that compiled it,
 * so the cache directory is divided by the build's identity ({@value #BUILD_ID}, written with the
 * shipped set): a new build never reads what an older one compiled.
 */
final class CompiledRuleSets {

  private static final Logger log = LoggerFactory.getLogger(CompiledRuleSets.class);

  /** Where the build puts the shipped rules, compiled, on the classpath. */
  static final String SHIPPED = "rules/compiled/";

  /** The build's identity, a digest of what compiled rules depend on. */
  static final String BUILD_ID = SHIPPED + "build-id";

  static final String SUFFIX = ".kjar";

  private final Optional<Path> directory;
  private final Optional<String> buildId;

  /**
   * @param cacheDirectory where rule sets compiled at run time are kept; none keeps nothing
   */
  CompiledRuleSets(Optional<Path> cacheDirectory) {
    this.buildId = shippedBuildId();
    // Without a build identity (classes compiled outside the build) a kept set could be stale.
    this.directory = buildId.flatMap(id -> cacheDirectory.map(dir -> dir.resolve(id)));
  }

  /** The compiled set for these sources, from the build or the cache directory. */
  Optional<byte[]> find(String digest) {
    String name = digest + SUFFIX;
    Optional<byte[]> shipped = resource(SHIPPED + name);
    if (shipped.isPresent()) {
      return shipped;
    }
    return directory
        .map(dir -> dir.resolve(name))
        .filter(Files::isRegularFile)
        .flatMap(
            file -> {
              try {
                return Optional.of(Files.readAllBytes(file));
              } catch (IOException e) {
                log.info("cannot read compiled rules {}, compiling: {}", file, e.getMessage());
                return Optional.empty();
              }
            });
  }

  /** Keeps a set compiled at run time; a failure to keep it only costs a compilation later. */
  void keep(String digest, byte[] compiled) {
    if (directory.isEmpty()) {
      return;
    }
    Path dir = directory.get();
    try {
      Files.createDirectories(dir);
      Path temporary = Files.createTempFile(dir, digest, ".part");
      Files.write(temporary, compiled);
      Path target = dir.resolve(digest + SUFFIX);
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      log.info("compiled rules not kept in {}: {}", dir, e.getMessage());
    }
  }

  /**
   * Forgets a kept set that turned out unreadable. A file that cannot be deleted only costs a
   * compilation: the set compiled instead replaces it.
   */
  void forget(String digest) {
    directory.ifPresent(
        dir -> {
          try {
            Files.deleteIfExists(dir.resolve(digest + SUFFIX));
          } catch (IOException e) {
            log.info("unreadable compiled rules {} not removed: {}", digest, e.getMessage());
          }
        });
  }

  private static Optional<String> shippedBuildId() {
    return resource(BUILD_ID).map(bytes -> new String(bytes, StandardCharsets.UTF_8).strip());
  }

  private static Optional<byte[]> resource(String name) {
    try (InputStream in = CompiledRuleSets.class.getClassLoader().getResourceAsStream(name)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }
}
