package io.simbundle.provisioning.benchmark;

import io.simbundle.platform.database.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load run shared by the benchmark harnesses: {@code concurrency} threads call one
 * operation {@code count} times between them, each call's latency recorded in an HdrHistogram.
 */
final class LoadRun {

  private LoadRun() {}

  /** One call of the measured operation; false (or an exception) counts it as failed. */
  interface Call {
    boolean run(int index) throws Exception;
  }

  record Result(long done, long failed, double perSecond, Histogram latency) {}

  static Result run(int count, int concurrency, Call call) throws Exception {
    Histogram latency = new Histogram(60_000_000_000L, 3);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      workers.add(
          pool.submit(
              () -> {
                Histogram mine = new Histogram(60_000_000_000L, 3);
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                  long begin = System.nanoTime();
                  boolean ok;
                  try {
                    ok = call.run(i);
                  } catch (Exception e) {
                    ok = false;
                  }
                  mine.recordValue(System.nanoTime() - begin);
                  if (!ok) {
                    failed.incrementAndGet();
                  }
                }
                synchronized (latency) {
                  latency.add(mine);
                }
                return null;
              }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return new Result(count, failed.get(), count / seconds, latency);
  }

  static void header() {
    System.out.printf(
        "%-28s %6s %9s %8s %8s %8s %8s%n",
        "run", "in flt", "per s", "p50 ms", "p99 ms", "max ms", "failed");
  }

  static void report(String name, int concurrency, Result result) {
    System.out.printf(
        Locale.ROOT,
        "%-28s %6d %9.0f %8.2f %8.2f %8.2f %8d%n",
        name,
        concurrency,
        result.perSecond(),
        result.latency().getValueAtPercentile(50) / 1e6,
        result.latency().getValueAtPercentile(99) / 1e6,
        result.latency().getMaxValue() / 1e6,
        result.failed());
  }

  static Connection connect(DatabaseSettings db) throws Exception {
    return DriverManager.getConnection(db.url().orElseThrow(), db.user(), db.password());
  }

  /** A connection per worker thread, for the raw database references. */
  static ThreadLocal<Connection> connectionPerThread(DatabaseSettings db) {
    return ThreadLocal.withInitial(
        () -> {
          try {
            return connect(db);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
  }

  /**
   * Autocommitted single-row inserts over JDBC, a connection per thread: the most orders per second
   * any design that stores a row per order could store on this database.
   */
  static Result rawInserts(DatabaseSettings db, int count, int concurrency) throws Exception {
    try (Connection connection = connect(db)) {
      connection
          .createStatement()
          .execute(
              "CREATE TABLE IF NOT EXISTS bench_insert (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                  + " payload VARCHAR(64) NOT NULL) ENGINE = InnoDB");
    }
    ThreadLocal<Connection> connections = connectionPerThread(db);
    return run(
        count,
        concurrency,
        i -> {
          try (PreparedStatement insert =
              connections.get().prepareStatement("INSERT INTO bench_insert (payload) VALUES (?)")) {
            insert.setString(1, "order-" + i);
            return insert.executeUpdate() == 1;
          }
        });
  }

  /** Statements the server has run so far ({@code Questions}). */
  static long questions(DatabaseSettings db) throws Exception {
    try (Connection connection = connect(db);
        var row =
            connection.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
      row.next();
      return row.getLong(2);
    }
  }
}
