package io.simbundle.charging.benchmark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.nchf.ChfServer;
import io.simbundle.charging.nchf.NchfClient;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * The load of SMFs on a CHF: {@code inFlight} PDU sessions at once, each a create, three updates
 * reporting 1 MB and a release, again and again, as HTTP/2 streams over a few connections with
 * prior knowledge (as SMFs multiplex). Latency per request in an HdrHistogram.
 */
final class NchfLoad {

  /** Connections to the CHF; the sessions' streams share them. */
  private static final int CONNECTIONS = 4;

  private NchfLoad() {}

  static GyLoad.Result run(String name, int port, int inFlight, int seconds) throws Exception {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setHttp2MultiplexingLimit(Math.max(1, inFlight / CONNECTIONS + 1))
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port),
            new PoolOptions().setHttp2MaxSize(CONNECTIONS));
    try {
      drive(
          client,
          inFlight,
          Duration.ofSeconds(Math.max(2, seconds / 4)),
          new Recorder(3),
          new AtomicLong(),
          new AtomicLong());
      Recorder latencies = new Recorder(3);
      AtomicLong answered = new AtomicLong();
      AtomicLong failed = new AtomicLong();
      long started = System.nanoTime();
      drive(client, inFlight, Duration.ofSeconds(seconds), latencies, answered, failed);
      double elapsed = (System.nanoTime() - started) / 1e9;
      if (!STATUSES.isEmpty()) {
        System.out.println("  answers other than success by HTTP status: " + STATUSES);
        STATUSES.clear();
      }
      return new GyLoad.Result(
          name, inFlight, answered.get() / elapsed, latencies.getIntervalHistogram(), failed.get());
    } finally {
      client.close();
      vertx.close();
    }
  }

  /** Answers other than success by HTTP status (0: no answer), printed after a run. */
  private static final java.util.Map<Integer, Long> STATUSES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Charging ids (Uint32) of the sessions: from a random start, so that no run meets an earlier
   * run's session — whose create, derived from the same id, would be answered as a repetition.
   */
  private static final AtomicLong SESSIONS =
      new AtomicLong(java.util.concurrent.ThreadLocalRandom.current().nextLong(0xFFFF_FFFFL));

  private static void drive(
      HttpClient client,
      int inFlight,
      Duration duration,
      Recorder latencies,
      AtomicLong answered,
      AtomicLong failed)
      throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    CountDownLatch done = new CountDownLatch(inFlight);
    for (int i = 0; i < inFlight; i++) {
      int subscriber = i;
      session(client, subscriber, end, latencies, answered, failed)
          .onComplete(finished -> done.countDown());
    }
    if (!done.await(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the sessions did not finish");
    }
  }

  /** Sessions one after the other for a subscriber until the end; completes when it stops. */
  private static Future<Void> session(
      HttpClient client,
      int subscriber,
      long end,
      Recorder latencies,
      AtomicLong answered,
      AtomicLong failed) {
    if (System.nanoTime() > end) {
      return Future.succeededFuture();
    }
    String msisdn = GyLoad.msisdn(subscriber % GyLoad.SUBSCRIBERS);
    long chargingId = SESSIONS.incrementAndGet() & 0xFFFF_FFFFL;
    Promise<Void> finished = Promise.promise();
    send(
            client,
            ChfServer.API,
            NchfClient.unit(NchfClient.request(msisdn, chargingId, 1), 10, GyLoad.MB, 0),
            latencies,
            answered,
            failed)
        .compose(
            location -> {
              String ref = location.substring(location.lastIndexOf('/') + 1);
              Future<String> chain = Future.succeededFuture(ref);
              for (int sequence = 2; sequence <= 4; sequence++) {
                int n = sequence;
                chain =
                    chain.compose(
                        r ->
                            send(
                                    client,
                                    ChfServer.API + "/" + r + "/update",
                                    NchfClient.unit(
                                        NchfClient.request(msisdn, chargingId, n),
                                        10,
                                        GyLoad.MB,
                                        GyLoad.MB),
                                    latencies,
                                    answered,
                                    failed)
                                .map(ignored -> r));
              }
              return chain.compose(
                  r ->
                      send(
                          client,
                          ChfServer.API + "/" + r + "/release",
                          NchfClient.unit(
                              NchfClient.request(msisdn, chargingId, 5), 10, 0, GyLoad.MB),
                          latencies,
                          answered,
                          failed));
            })
        .onComplete(
            result ->
                session(client, subscriber, end, latencies, answered, failed).onComplete(finished));
    return finished.future();
  }

  /** One request; completes with its Location (empty when none) once answered. */
  private static Future<String> send(
      HttpClient client,
      String path,
      ObjectNode body,
      Recorder latencies,
      AtomicLong answered,
      AtomicLong failed) {
    long sent = System.nanoTime();
    return client
        .request(HttpMethod.POST, path)
        .compose(
            request -> request.putHeader("Content-Type", "application/json").send(body.toString()))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        ignored -> {
                          latencies.recordValue(System.nanoTime() - sent);
                          answered.incrementAndGet();
                          if (response.statusCode() >= 300) {
                            failed.incrementAndGet();
                            STATUSES.merge(response.statusCode(), 1L, Long::sum);
                          }
                          String location = response.getHeader("Location");
                          return location == null ? "" : location;
                        }))
        .onFailure(
            e -> {
              failed.incrementAndGet();
              STATUSES.merge(0, 1L, Long::sum);
            });
  }
}
