package io.simbundle.provisioning.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which archive fits which JVM and class path, and what is kept once one is made. */
class ClassDataArchiveTest {

  @TempDir Path directory;
  private Path jar;
  private Path dependency;

  @BeforeEach
  void buildAJarWithADependency() throws IOException {
    Files.createDirectories(directory.resolve("lib"));
    dependency = Files.write(directory.resolve("lib").resolve("dependency.jar"), new byte[] {1});
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, "lib/dependency.jar");
    jar = directory.resolve("simbundle.jar");
    // The manifest is all the launcher reads.
    try (OutputStream out = Files.newOutputStream(jar)) {
      new JarOutputStream(out, manifest).close();
    }
  }

  private ClassDataArchive archive(List<String> jvmOptions) {
    return ClassDataArchive.of(
        directory.resolve("class-data"), "/jdk", "17.0.15", jvmOptions, jar.toString());
  }

  @Test
  void theJarsTheManifestNamesCountAsMuchAsTheJarItself() throws IOException {
    assertThat(ClassDataArchive.jarsOf(jar.toString())).containsExactly(jar, dependency);
    String before = archive(List.of()).fingerprint();

    Files.setLastModifiedTime(dependency, FileTime.from(Instant.parse("2026-12-01T00:00:00Z")));

    assertThat(archive(List.of()).fingerprint()).isNotEqualTo(before);
  }

  @Test
  void onlyAClassPathOfJarsCanBeArchived() {
    assertThat(ClassDataArchive.possibleFor(jar.toString())).isTrue();
    assertThat(ClassDataArchive.possibleFor(jar + java.io.File.pathSeparator + directory))
        .isFalse();
  }

  @Test
  void anotherHeapOrJvmNeedsAnotherArchiveButAnotherSystemPropertyDoesNot() {
    ClassDataArchive plain = archive(List.of("-Dsimbundle.http.port=8080"));

    assertThat(archive(List.of("-Dsimbundle.http.port=8081")).fingerprint())
        .isEqualTo(plain.fingerprint());
    assertThat(archive(List.of("-Xmx4g")).fingerprint()).isNotEqualTo(plain.fingerprint());
    assertThat(
            ClassDataArchive.of(
                    directory.resolve("class-data"), "/jdk", "17.0.16", List.of(), jar.toString())
                .fingerprint())
        .isNotEqualTo(plain.fingerprint());
  }

  @Test
  void aStartWithoutTheArchiveListsItsClassesAndOneWithItMapsIt() throws IOException {
    ClassDataArchive archive = archive(List.of());
    Files.createDirectories(archive.directory());

    assertThat(archive.jvmOptions())
        .containsExactly("-XX:DumpLoadedClassList=" + archive.classList());

    Files.write(archive.making(), new byte[] {1});
    archive.keep();

    assertThat(archive.jvmOptions())
        .containsExactly("-XX:SharedArchiveFile=" + archive.file(), "-Xlog:cds*=error");
  }

  @Test
  void keepingAnArchiveRemovesItsClassListAndEveryOtherClassPathsArchive() throws IOException {
    ClassDataArchive archive = archive(List.of());
    ClassDataArchive older = archive(List.of("-Xmx1g"));
    Files.createDirectories(archive.directory());
    Files.write(older.file(), new byte[] {1});
    Files.write(archive.classList(), List.of("java/lang/Object id: 0"));
    Files.write(archive.making(), new byte[] {2});

    archive.keep();

    try (var left = Files.list(archive.directory())) {
      assertThat(left).containsExactly(archive.file());
    }
    assertThat(Files.readAllBytes(archive.file())).containsExactly(2);
  }
}
