package io.simbundle.provisioning.app;

import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * Where an engine that generated its admin password at start-up leaves it, readable by its own user
 * only, so that tools on the same machine (the demo) can act as admin: {@code <data
 * dir>/admin-password}, beside the embedded database's directory.
 */
public final class AdminPasswordFile {

  private AdminPasswordFile() {}

  public static Path of(EngineSettings settings) {
    return settings
        .database()
        .embeddedDirectory()
        .toAbsolutePath()
        .resolveSibling("admin-password");
  }

  /** Writes the generated password; a configured one is never written anywhere. */
  public static void keep(EngineSettings settings) throws IOException {
    AdminCredentials admin = settings.security().admin();
    if (!admin.generated()) {
      return;
    }
    Path file = of(settings);
    Files.createDirectories(file.getParent());
    Files.deleteIfExists(file);
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's own protection has to do.
    }
    Files.writeString(file, admin.password());
  }

  /** The password an engine on these settings generated, if it left one. */
  public static Optional<String> read(EngineSettings settings) {
    Path file = of(settings);
    try {
      return Files.exists(file) ? Optional.of(Files.readString(file).trim()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
