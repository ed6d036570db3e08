package io.simbundle.platform.database;

/** What a database failure was, read from the JDBC exception somewhere in its cause chain. */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /** Whether {@code failure} or one of its causes is of one of the {@code kinds}. */
  @SafeVarargs
  public static boolean causedBy(Throwable failure, Class<? extends Throwable>... kinds) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> kind : kinds) {
        if (kind.isInstance(t)) {
          return true;
        }
      }
    }
    return false;
  }
}
