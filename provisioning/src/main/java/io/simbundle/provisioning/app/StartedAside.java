package io.simbundle.provisioning.app;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A part of the engine started on a thread of its own while the main thread starts others: on two
 * cores the start-up is mostly class loading and waiting on the database, which two threads
 * overlap. Closing it closes the part once it is up, whether or not anyone took it.
 *
 * @param <T> the part
 */
final class StartedAside<T extends AutoCloseable> implements AutoCloseable {

  private final CompletableFuture<T> starting;

  private StartedAside(CompletableFuture<T> starting) {
    this.starting = starting;
  }

  static <T extends AutoCloseable> StartedAside<T> start(String name, Supplier<T> part) {
    return new StartedAside<>(
        CompletableFuture.supplyAsync(
            part,
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              thread.start();
            }));
  }

  /**
   * Waits for the part.
   *
   * @throws RuntimeException what starting it threw
   */
  T await() {
    try {
      return starting.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    T part;
    try {
      part = starting.join();
    } catch (CompletionException notStarted) {
      return;
    }
    try {
      part.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot stop " + part + ": " + e.getMessage(), e);
    }
  }
}
