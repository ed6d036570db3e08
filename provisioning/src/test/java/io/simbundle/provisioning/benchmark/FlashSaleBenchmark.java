package io.simbundle.provisioning.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.outbox.RequestSignature;
import io.simbundle.rules.realname.ResidentIdNumber;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The flash-sale load harness: signed store orders over HTTP against one presale campaign with a
 * tenth as many cards as orders (1,000,000 against 100,000 at scale 1), then proof that nothing
 * went wrong: no unit oversold, no acknowledged order lost, no order created twice. Every tenth
 * order is a buyer's second try (the limit is one) and every fiftieth is delivered again, as a
 * store's retry.
 *
 * <p>In the same run, on the same database, two references at the same concurrency: the raw
 * single-row insert (the ceiling of any design storing a row per order) and the naive design, one
 * stock row decremented in every order's transaction.
 *
 * <p>Arguments: {@code [scale] [concurrency]}, e.g. {@code 0.1 32} for 100,000 orders against
 * 10,000 cards.
 */
public final class FlashSaleBenchmark {

  private static final String STORE = "yixun";
  private static final String CAMPAIGN = "yixun-wechat-wo-presale";
  private static final int WARM_UP = 5_000;
  private static final int POOL_SIZE = 32;

  private FlashSaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int orders = (int) Math.round(1_000_000 * scale);
    int stock = orders / 10;
    DatabaseSettings test = TestDatabase.newSchemaSettings("flash_bench");
    // The engine's own default pool, not the small one the test suite's many engines share.
    DatabaseSettings db =
        new DatabaseSettings(
            test.url(),
            test.user(),
            test.password(),
            test.embeddedDirectory(),
            test.embeddedPort(),
            POOL_SIZE);
    try (TestEngine engine =
        TestEngine.start(
            db, Optional.of(Presale.flashSaleCatalog(stock)), TestEngine.CLOCK, Optional.empty())) {
      Presale presale = new Presale(engine);
      for (int first = 0; first < stock + WARM_UP; first += 20_000) {
        presale.stock("GD", 10_000_000 + first, Math.min(20_000, stock + WARM_UP - first));
      }
      String yixun = onboard(engine, STORE, CAMPAIGN);
      String tmall = onboard(engine, "tmall", "tmall-flagship");
      System.out.printf(
          "%,d orders against %,d cards, %d in flight, on %d cores%n",
          orders, stock, concurrency, Runtime.getRuntime().availableProcessors());
      LoadRun.header();

      int references = Math.min(orders / 5, 200_000);
      LoadRun.report(
          "raw insert (ceiling)", concurrency, LoadRun.rawInserts(db, references, concurrency));
      LoadRun.report(
          "naive single stock row", concurrency, naiveStockRow(db, references, concurrency));

      LoadRun.report("bare HTTP stack (422)", concurrency, bareStack(references, concurrency));

      Pusher pusher = new Pusher(engine);
      // The JIT compiles the whole path first, on another campaign: not measured.
      LoadRun.run(
          WARM_UP,
          concurrency,
          i ->
              pusher
                      .push(
                          "tmall",
                          tmall,
                          order(
                              "warm-" + i,
                              idNumber("440107", i),
                              "tmall-card",
                              "full",
                              "tmall-flagship"))
                      .status()
                  == 202);

      Outcomes outcomes = new Outcomes();
      long questions = LoadRun.questions(db);
      long saleStart = System.nanoTime();
      LoadRun.Result sale =
          LoadRun.run(
              orders,
              concurrency,
              i -> {
                int buyer = i % 10 == 9 ? i - 1 : i;
                String externalId = "D11-" + i;
                String body =
                    order(externalId, idNumber("440106", buyer), "wechat-wo", "deposit", CAMPAIGN);
                boolean ok = outcomes.record(externalId, pusher.push(STORE, yixun, body));
                if (i % 50 == 0) {
                  ok &= outcomes.recordRetry(externalId, pusher.push(STORE, yixun, body));
                }
                return ok;
              });
      double statements = (LoadRun.questions(db) - questions) / (double) orders;
      LoadRun.report("signed store orders (HTTP)", concurrency, sale);
      outcomes.printPhases(saleStart);
      outcomes.print(statements);
      verify(db, outcomes, stock);
    }
    // The embedded database's process watcher is not a daemon thread.
    System.exit(0);
  }

  private static JsonNode read(KeepAliveHttp.Response response) {
    try {
      return Presale.JSON.readTree(response.body());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String onboard(TestEngine engine, String store, String campaign) {
    HttpResponse<String> onboarded =
        engine.adminPost(
            "/admin/stores",
            """
            {"id": "%s", "name": "%s", "callbackUrl": "http://127.0.0.1:9/callback",
             "campaigns": ["%s"]}
            """
                .formatted(store, store, campaign));
    if (onboarded.statusCode() != 201) {
      throw new IllegalStateException(onboarded.body());
    }
    return Presale.read(onboarded).path("secret").asText();
  }

  /** A valid resident ID number, a different one for every index below a million. */
  private static String idNumber(String region, int index) {
    String born =
        LocalDate.of(1970, 1, 1).plusDays(index / 1000).format(DateTimeFormatter.BASIC_ISO_DATE);
    String first17 = region + born + "%03d".formatted(index % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static String order(
      String externalId, String idNumber, String product, String payment, String campaign) {
    return """
        {"externalId": "%s", "place": {"id": "GD"},
         "buyer": {"name": "张三", "idNumber": "%s", "newToOperator": true},
         "productOrderItem": [{"id": "1", "action": "add", "productOffering": {"id": "%s"}}],
         "payment": {"type": "%s"}, "campaign": {"id": "%s"}}
        """
        .formatted(externalId, idNumber, product, payment, campaign);
  }

  /** A store's request headers: the body signed at the engine's time. */
  private static Map<String, String> signed(String secret, String body) {
    // The engine runs on the test clock, inside the campaign's sale window.
    String timestamp = String.valueOf(TestEngine.CLOCK.instant().getEpochSecond());
    return Map.of(
        "Content-Type",
        "application/json",
        "X-Simbundle-Timestamp",
        timestamp,
        "X-Simbundle-Signature",
        RequestSignature.sign(secret, timestamp, body));
  }

  /** Signs and pushes orders as a store's system would, over keep-alive HTTP/1.1 connections. */
  private static final class Pusher implements AutoCloseable {
    private final KeepAliveHttp http;

    Pusher(TestEngine engine) {
      this.http = new KeepAliveHttp(engine.settings().httpHost(), engine.settings().httpPort());
    }

    KeepAliveHttp.Response push(String store, String secret, String body) throws Exception {
      return http.post("/api/v1/stores/" + store + "/productOrder", signed(secret, body), body);
    }

    @Override
    public void close() {
      http.close();
    }
  }

  /** What the store was told, order by order. */
  private static final class Outcomes {
    final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    final AtomicLong soldOut = new AtomicLong();
    final AtomicLong limitReached = new AtomicLong();
    final AtomicLong retriesAnsweredAlike = new AtomicLong();
    final AtomicLong unexpected = new AtomicLong();
    final Map<String, String> firstUnexpected = new ConcurrentHashMap<>();

    final AtomicLong answered = new AtomicLong();
    volatile long lastAcknowledgedAt;
    volatile long answeredByLastAcknowledgement;

    boolean record(String externalId, KeepAliveHttp.Response response) {
      JsonNode body = read(response);
      long answeredNow = answered.incrementAndGet();
      if (response.status() == 202 && !body.path("duplicate").asBoolean()) {
        acknowledged.put(externalId, body.path("id").asText());
        synchronized (this) {
          lastAcknowledgedAt = System.nanoTime();
          answeredByLastAcknowledgement = answeredNow;
        }
        return true;
      }
      if (response.status() == 422) {
        String reason = body.path("reasons").findValuesAsText("code").toString();
        if (reason.contains("SOLD_OUT")) {
          soldOut.incrementAndGet();
          return true;
        }
        if (reason.contains("BUYER_LIMIT_REACHED")) {
          limitReached.incrementAndGet();
          return true;
        }
      }
      return unexpected(response);
    }

    boolean recordRetry(String externalId, KeepAliveHttp.Response response) {
      String first = acknowledged.get(externalId);
      JsonNode body = read(response);
      boolean alike =
          first == null
              ? response.status() == 422
              : response.status() == 202
                  && body.path("duplicate").asBoolean()
                  && body.path("id").asText().equals(first);
      if (alike) {
        retriesAnsweredAlike.incrementAndGet();
        return true;
      }
      return unexpected(response);
    }

    private boolean unexpected(KeepAliveHttp.Response response) {
      unexpected.incrementAndGet();
      firstUnexpected.putIfAbsent(String.valueOf(response.status()), response.body());
      return false;
    }

    /** Orders per second while the stock lasted and after it ran out. */
    void printPhases(long startNanos) {
      long end = System.nanoTime();
      double selling = (lastAcknowledgedAt - startNanos) / 1e9;
      double after = (end - lastAcknowledgedAt) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "while stock lasted: %,d orders in %.1f s, %.0f/s; sold out: %,d orders in %.1f s,"
              + " %.0f/s%n",
          answeredByLastAcknowledgement,
          selling,
          answeredByLastAcknowledgement / selling,
          answered.get() - answeredByLastAcknowledgement,
          after,
          (answered.get() - answeredByLastAcknowledgement) / after);
    }

    void print(double statementsPerOrder) {
      System.out.printf(
          "acknowledged %,d; sold out %,d; limit reached %,d; retries answered alike %,d;"
              + " unexpected %,d %s; statements per order %.1f%n",
          acknowledged.size(),
          soldOut.get(),
          limitReached.get(),
          retriesAnsweredAlike.get(),
          unexpected.get(),
          firstUnexpected,
          statementsPerOrder);
    }
  }

  private static void verify(DatabaseSettings db, Outcomes outcomes, int stock) throws Exception {
    try (Connection connection = LoadRun.connect(db)) {
      Set<String> stored = new HashSet<>();
      try (PreparedStatement select =
          connection.prepareStatement(
              "SELECT order_code FROM product_order WHERE channel = ? AND state = 'acknowledged'")) {
        select.setString(1, STORE);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            stored.add(rows.getString(1));
          }
        }
      }
      long lost =
          outcomes.acknowledged.values().stream().filter(id -> !stored.contains(id)).count();
      long oversold = Math.max(0, stored.size() - stock);
      long duplicates =
          single(
              connection,
              "SELECT COUNT(*) - COUNT(DISTINCT external_id) FROM product_order"
                  + " WHERE channel = '"
                  + STORE
                  + "'");
      long numbersTwice =
          single(
              connection,
              "SELECT COUNT(msisdn) - COUNT(DISTINCT msisdn) FROM product_order"
                  + " WHERE msisdn IS NOT NULL");
      long sliceSold =
          single(
              connection,
              "SELECT SUM(initial - remaining) FROM campaign_stock_slice WHERE campaign_code = '"
                  + CAMPAIGN
                  + "'");
      System.out.printf(
          "oversold %d (stored %,d, stock %,d, slices sold %,d); lost acknowledged %d;"
              + " duplicates created %d; numbers allocated twice %d%n",
          oversold, stored.size(), stock, sliceSold, lost, duplicates, numbersTwice);
    }
  }

  private static long single(Connection connection, String sql) throws Exception {
    try (ResultSet row = connection.createStatement().executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * The same signed requests, from the same client, to the engine's HTTP stack with nothing behind
   * it: the most any design could answer over HTTP on this machine. Warmed up first, like the
   * engine.
   */
  private static LoadRun.Result bareStack(int count, int concurrency) throws Exception {
    try (BareHttpStack bare = new BareHttpStack();
        KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", bare.port())) {
      LoadRun.Call call =
          i -> {
            String body =
                order("BARE-" + i, idNumber("440109", i), "wechat-wo", "deposit", CAMPAIGN);
            return http.post(BareHttpStack.PATH, signed("bare-secret", body), body).status() == 422;
          };
      LoadRun.run(WARM_UP, concurrency, call);
      return LoadRun.run(count, concurrency, call);
    }
  }

  /**
   * The naive design: every order's transaction decrements the campaign's one stock row (refusing
   * when it is at zero) and stores the order, so all buyers queue on that row's lock. A tenth as
   * much stock as attempts, like the sale.
   */
  private static LoadRun.Result naiveStockRow(DatabaseSettings db, int count, int concurrency)
      throws Exception {
    try (Connection connection = LoadRun.connect(db)) {
      var ddl = connection.createStatement();
      ddl.execute(
          "CREATE TABLE naive_stock (campaign VARCHAR(64) PRIMARY KEY, remaining INT NOT NULL)"
              + " ENGINE = InnoDB");
      ddl.execute(
          "CREATE TABLE naive_order (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
              + " external_id VARCHAR(64) NOT NULL UNIQUE, buyer VARCHAR(64) NOT NULL)"
              + " ENGINE = InnoDB");
      ddl.execute("INSERT INTO naive_stock VALUES ('flash', " + count / 10 + ")");
    }
    ThreadLocal<Connection> connections = LoadRun.connectionPerThread(db);
    return LoadRun.run(
        count,
        concurrency,
        i -> {
          Connection connection = connections.get();
          connection.setAutoCommit(false);
          try (PreparedStatement take =
                  connection.prepareStatement(
                      "UPDATE naive_stock SET remaining = remaining - 1"
                          + " WHERE campaign = 'flash' AND remaining > 0");
              PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO naive_order (external_id, buyer) VALUES (?, ?)")) {
            if (take.executeUpdate() == 1) {
              insert.setString(1, "naive-" + i);
              insert.setString(2, idNumber("440108", i));
              insert.executeUpdate();
            }
            connection.commit();
            return true;
          } catch (Exception e) {
            connection.rollback();
            throw e;
          }
        });
  }
}
