package io.simbundle.platform.database;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/** What a database failure was, read from the JDBC exception somewhere in its cause chain. */
public final class DatabaseFailures {

  private DatabaseFailures() {}

  /**
   * Whether {@code failure} means the database could not be reached (down, restarting, no
   * connection within the pool's timeout) rather than that it refused the work: the caller may try
   * again later. A transaction cut off this way was rolled back, unless the link broke during its
   * commit: only idempotent work (a store order and its external id) is safe to repeat blindly.
   */
  public static boolean unreachable(Throwable failure) {
    return causedBy(
        failure,
        DatabaseUnavailableException.class,
        SQLTransientConnectionException.class,
        SQLNonTransientConnectionException.class,
        SQLRecoverableException.class,
        JDBCConnectionException.class);
  }

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
