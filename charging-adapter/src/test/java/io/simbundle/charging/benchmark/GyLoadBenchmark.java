package io.simbundle.charging.benchmark;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.gy.GyServer;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;

/**
 * Gy load: concurrent PCEF sessions (CCR-I, three CCR-U with usage, CCR-T, two rating groups each)
 * against (a) a bare jDiameter answerer with no logic and no database and (b) the real charging
 * server on the embedded database, in the same run. Latency per CCR in an HdrHistogram.
 *
 * <p>Arguments: {@code [seconds per run] [requests in flight ...]}, e.g. {@code 20 16 64}.
 */
public final class GyLoadBenchmark {

  private static final long MB = 1024 * 1024;
  private static final int SUBSCRIBERS = 1000;

  /** Which servers to run ({@code -Dgy.load.servers=charging} to profile the real one alone). */
  private static final String SERVERS = System.getProperty("gy.load.servers", "bare,charging");

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    List<Integer> inFlight = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      inFlight.add(Integer.parseInt(args[i]));
    }
    if (inFlight.isEmpty()) {
      inFlight = List.of(16, 64);
    }
    System.out.printf(
        "%-10s %9s %12s %9s %9s %9s%n",
        "server", "in flight", "CCR/s", "p50 ms", "p99 ms", "max ms");
    for (int concurrency : inFlight) {
      if (SERVERS.contains("bare")) {
        DiameterIdentity bare = identity();
        GyServer server =
            GyServer.start(bare, request -> CompletableFuture.completedFuture(bareAnswer(request)));
        try {
          run("bare", bare, concurrency, seconds);
        } finally {
          server.close();
        }
      }
      if (!SERVERS.contains("charging")) {
        continue;
      }
      try (Database database = TestDatabase.newSchema("gy_load")) {
        DiameterIdentity ocs = identity();
        try (ChargingFunction charging =
            ChargingFunction.start(
                database,
                ocs,
                new ChargingSettings(
                    new GrantPolicy(10 * MB, Duration.ofMinutes(30)),
                    Set.of(10L, 1000L, 1001L),
                    ChargingSettings.UnknownRatingGroups.DENY,
                    Optional.empty(),
                    ChargingSettings.DEFAULT_DUPLICATE_WINDOW),
                Clock.systemUTC())) {
          for (int i = 0; i < SUBSCRIBERS; i++) {
            charging.install(profile(i));
          }
          run("charging", ocs, concurrency, seconds);
        }
      }
    }
    System.exit(0);
  }

  private static DiameterIdentity identity() {
    return new DiameterIdentity(
        "ocs.simbundle.local", "simbundle.local", "127.0.0.1", FreePort.next());
  }

  private static String msisdn(int i) {
    return "86186" + String.format("%08d", i);
  }

  private static ChargingProfile profile(int i) {
    Instant now = Instant.now();
    return new ChargingProfile(
        msisdn(i),
        Optional.empty(),
        100_000 * MB,
        now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(30)),
        List.of(
            new ZeroRatedService(
                "wechat-free-traffic",
                "tencent",
                Set.of(1000L),
                Set.of(),
                Optional.empty(),
                Set.of(1001L))),
        List.of());
  }

  /** The stack's ceiling: a success answer with no logic and no database. */
  private static Answer bareAnswer(Request request) {
    Answer answer = request.createAnswer(2001);
    answer.getAvps().addAvp(GyAvp.ORIGIN_HOST, "ocs.simbundle.local", true, false, true);
    answer.getAvps().addAvp(GyAvp.ORIGIN_REALM, "simbundle.local", true, false, true);
    return answer;
  }

  private static void run(String name, DiameterIdentity server, int concurrency, int seconds)
      throws Exception {
    Recorder latencies = new Recorder(3);
    AtomicLong answered = new AtomicLong();
    try (PcefSimulator pcef =
        PcefSimulator.connect(
            new DiameterIdentity(
                "pgw-load.pcef.simbundle.local",
                "pcef.simbundle.local",
                "127.0.0.1",
                FreePort.next()),
            server,
            Duration.ofSeconds(10))) {
      // Warm-up: a quarter of the time, not measured.
      drive(
          pcef,
          concurrency,
          Duration.ofSeconds(Math.max(2, seconds / 4)),
          new Recorder(3),
          new AtomicLong());
      long started = System.nanoTime();
      drive(pcef, concurrency, Duration.ofSeconds(seconds), latencies, answered);
      double elapsed = (System.nanoTime() - started) / 1e9;
      Histogram histogram = latencies.getIntervalHistogram();
      System.out.printf(
          "%-10s %9d %12.0f %9.2f %9.2f %9.2f%n",
          name,
          concurrency,
          answered.get() / elapsed,
          histogram.getValueAtPercentile(50) / 1e6,
          histogram.getValueAtPercentile(99) / 1e6,
          histogram.getMaxValue() / 1e6);
    }
  }

  private static void drive(
      PcefSimulator pcef,
      int concurrency,
      Duration duration,
      Recorder latencies,
      AtomicLong answered)
      throws Exception {
    ExecutorService workers = Executors.newFixedThreadPool(concurrency);
    long deadline = System.nanoTime() + duration.toNanos();
    List<Future<?>> running = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      running.add(
          workers.submit(
              () -> {
                int n = worker;
                while (System.nanoTime() < deadline) {
                  String subscriber = msisdn(n % SUBSCRIBERS);
                  n += concurrency;
                  Session session = pcef.newSession();
                  for (int number = 0; number < 5; number++) {
                    int type =
                        number == 0
                            ? GyAvp.INITIAL_REQUEST
                            : number == 4 ? GyAvp.TERMINATION_REQUEST : GyAvp.UPDATE_REQUEST;
                    long used = number == 0 ? -1 : 512 * 1024;
                    long requested = type == GyAvp.TERMINATION_REQUEST ? -1 : MB;
                    Request request =
                        pcef.creditControlRequest(
                            session,
                            type,
                            number,
                            subscriber,
                            List.of(
                                new Mscc(1000, requested, used), new Mscc(10, requested, used)));
                    long sent = System.nanoTime();
                    pcef.send(session, request, Duration.ofSeconds(10));
                    latencies.recordValue(System.nanoTime() - sent);
                    answered.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : running) {
      future.get();
    }
    workers.shutdown();
  }
}
