package io.simbundle.provisioning.benchmark;

import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.engine.TestEngine;
import java.net.http.HttpResponse;
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
 * Load harness for order placement over HTTP (TMF622: qualification by the rules, a number and a
 * card reserved, the order and its audit entry stored) against, in the same run on the same
 * database, the raw rate of single-row autocommit inserts at the same concurrency — the ceiling of
 * any design that stores one row per order.
 *
 * <p>Arguments: {@code [orders per level] [concurrency ...]}, e.g. {@code 3000 8 16 32}. A thousand
 * orders warm the JIT up first and are not counted.
 */
public final class OrderLoadBenchmark {

  private OrderLoadBenchmark() {}

  private record Result(long done, long failed, double perSecond, Histogram latency) {}

  private interface Call {
    boolean run(int index) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    int perLevel = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    List<Integer> levels = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      levels.add(Integer.parseInt(args[i]));
    }
    if (levels.isEmpty()) {
      levels = List.of(8, 16, 32);
    }
    try (TestEngine engine = TestEngine.start("order_load")) {
      Presale presale = new Presale(engine);
      int warmUp = 1000;
      int stock = perLevel * levels.size() + warmUp;
      for (int first = 0; first < stock; first += 20_000) {
        presale.stock("GD", 1_000_000 + first, Math.min(20_000, stock - first));
      }
      DatabaseSettings db = engine.settings().database();
      try (Connection connection = connect(db)) {
        connection
            .createStatement()
            .execute(
                "CREATE TABLE bench_insert (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " payload VARCHAR(64) NOT NULL) ENGINE = InnoDB");
      }
      System.out.printf(
          "%-22s %6s %9s %8s %8s %8s %8s%n",
          "run", "in flt", "per s", "p50 ms", "p99 ms", "max ms", "failed");
      AtomicInteger serial = new AtomicInteger();
      // The JIT compiles the whole path (Camel, Hibernate, Drools, the driver) first: not measured.
      run(
          warmUp,
          levels.get(0),
          i ->
              presale
                      .place(
                          Presale.weChatWoOrder(
                              "warm-" + serial.incrementAndGet(), Presale.newIdNumber("19900101")))
                      .statusCode()
                  == 201);
      for (int concurrency : levels) {
        ThreadLocal<Connection> connections =
            ThreadLocal.withInitial(
                () -> {
                  try {
                    return connect(db);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
        report(
            "raw insert (ceiling)",
            concurrency,
            run(
                perLevel,
                concurrency,
                i -> {
                  try (PreparedStatement insert =
                      connections
                          .get()
                          .prepareStatement("INSERT INTO bench_insert (payload) VALUES (?)")) {
                    insert.setString(1, "order-" + i);
                    return insert.executeUpdate() == 1;
                  }
                }));
        long questions = questions(db);
        report(
            "TMF622 order",
            concurrency,
            run(
                perLevel,
                concurrency,
                i -> {
                  HttpResponse<String> response =
                      presale.place(
                          Presale.weChatWoOrder(
                              "load-" + serial.incrementAndGet(), Presale.newIdNumber("19900101")));
                  return response.statusCode() == 201;
                }));
        System.out.printf(
            "statements per order: %.1f%n", (questions(db) - questions) / (double) perLevel);
      }
    }
    // The embedded database's process watcher is not a daemon thread.
    System.exit(0);
  }

  private static long questions(DatabaseSettings db) throws Exception {
    try (Connection connection = connect(db);
        var row =
            connection.createStatement().executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
      row.next();
      return row.getLong(2);
    }
  }

  private static Connection connect(DatabaseSettings db) throws Exception {
    return DriverManager.getConnection(db.url().orElseThrow(), db.user(), db.password());
  }

  private static Result run(int count, int concurrency, Call call) throws Exception {
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

  private static void report(String name, int concurrency, Result result) {
    System.out.printf(
        Locale.ROOT,
        "%-22s %6d %9.0f %8.2f %8.2f %8.2f %8d%n",
        name,
        concurrency,
        result.perSecond(),
        result.latency().getValueAtPercentile(50) / 1e6,
        result.latency().getValueAtPercentile(99) / 1e6,
        result.latency().getMaxValue() / 1e6,
        result.failed());
  }
}
