package io.simbundle.provisioning.benchmark;

import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
      LoadRun.header();
      AtomicInteger serial = new AtomicInteger();
      // The JIT compiles the whole path (Camel, Hibernate, Drools, the driver) first: not measured.
      LoadRun.run(
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
        LoadRun.report(
            "raw insert (ceiling)", concurrency, LoadRun.rawInserts(db, perLevel, concurrency));
        long questions = LoadRun.questions(db);
        LoadRun.report(
            "TMF622 order",
            concurrency,
            LoadRun.run(
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
            "statements per order: %.1f%n",
            (LoadRun.questions(db) - questions) / (double) perLevel);
      }
    }
    // The embedded database's process watcher is not a daemon thread.
    System.exit(0);
  }
}
