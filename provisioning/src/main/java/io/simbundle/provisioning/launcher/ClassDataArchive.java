package io.simbundle.provisioning.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The engine's class-data archive (application class-data sharing, JEP 350): the classes a start
 * loads, parsed and verified once and mapped into every later start — about a third of the start on
 * this code base, which loads ~15,000 classes from ~160 jars.
 *
 * <p>The first start under a given JVM and class path records the archive at its exit; later starts
 * map it. The archive's name carries a fingerprint of the JVM and of every jar on the class path
 * (path, size, modification time), and of the JVM options that shape the heap, so a rebuilt jar,
 * another JDK or another heap layout gets a new archive instead of a stale one, which the JVM would
 * refuse with a warning. It lives in the data directory.
 *
 * @param directory where archives are kept
 * @param fingerprint the JVM and class path this archive is for
 */
record ClassDataArchive(Path directory, String fingerprint) {

  private static final String PREFIX = "simbundle-";
  private static final String SUFFIX = ".jsa";

  /**
   * The archive for this JVM running {@code classPath}, kept in {@code directory}.
   *
   * @param jvmOptions the options the JVM was started with; those starting with {@code -X} count
   */
  static ClassDataArchive of(
      Path directory,
      String javaHome,
      String vmVersion,
      List<String> jvmOptions,
      String classPath) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((javaHome + "\n" + vmVersion + "\n").getBytes(StandardCharsets.UTF_8));
      for (String option : jvmOptions) {
        if (option.startsWith("-X")) {
          digest.update((option + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      for (Path jar : jarsOf(classPath)) {
        BasicFileAttributes file = Files.readAttributes(jar, BasicFileAttributes.class);
        digest.update(
            (jar.toAbsolutePath() + " " + file.size() + " " + file.lastModifiedTime() + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return new ClassDataArchive(directory, HexFormat.of().formatHex(digest.digest(), 0, 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the class path to fingerprint it", e);
    }
  }

  /**
   * Whether classes from this class path can be archived at all: the JVM archives classes from jars
   * only, so a class path with a directory (an IDE, a test run) runs without an archive.
   */
  static boolean possibleFor(String classPath) {
    for (String entry : classPath.split(File.pathSeparator)) {
      if (!entry.isEmpty() && !Files.isRegularFile(Path.of(entry))) {
        return false;
      }
    }
    return !classPath.isBlank();
  }

  /**
   * The class path's jars and the jars their manifests name, as the JVM would open them: both count
   * for whether an archive still fits.
   */
  static List<Path> jarsOf(String classPath) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      Path jar = Path.of(entry);
      if (entry.isEmpty() || !Files.isRegularFile(jar)) {
        continue;
      }
      jars.add(jar);
      try (JarFile file = new JarFile(jar.toFile())) {
        Manifest manifest = file.getManifest();
        String listed =
            manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
        if (listed != null) {
          Path base = jar.toAbsolutePath().getParent();
          for (String relative : listed.trim().split("\\s+")) {
            Path dependency = base.resolve(relative);
            if (Files.isRegularFile(dependency)) {
              jars.add(dependency);
            }
          }
        }
      }
    }
    return jars;
  }

  /** The archive, once made. */
  Path file() {
    return directory.resolve(PREFIX + fingerprint + SUFFIX);
  }

  /** The classes a start without the archive loaded, in the order it loaded them. */
  Path classList() {
    return directory.resolve(PREFIX + fingerprint + ".classlist");
  }

  /** Where the archive is written before it is complete. */
  Path making() {
    return directory.resolve(PREFIX + fingerprint + SUFFIX + ".making");
  }

  /** What the JVM said while making the archive, for when it fails. */
  Path makingLog() {
    return directory.resolve(PREFIX + fingerprint + ".log");
  }

  boolean exists() {
    return Files.isRegularFile(file());
  }

  /**
   * The JVM options of a start: map the archive when it exists (CDS warnings silenced, errors not),
   * else list the classes the start loads, from which {@link ArchiveMaker} makes it.
   */
  List<String> jvmOptions() {
    return exists()
        ? List.of("-XX:SharedArchiveFile=" + file(), "-Xlog:cds*=error")
        : List.of("-XX:DumpLoadedClassList=" + classList());
  }

  /**
   * Puts a made archive in place and removes what is no longer needed: the class list it was made
   * from, and everything kept for other class paths or JVMs.
   */
  void keep() throws IOException {
    Files.move(making(), file(), StandardCopyOption.REPLACE_EXISTING);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*")) {
      for (Path other : files) {
        if (!other.equals(file())) {
          Files.deleteIfExists(other);
        }
      }
    }
  }
}
