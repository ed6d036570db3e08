package io.simbundle.charging.benchmark;

import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.platform.net.FreePort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * The Gy load of the benchmarks: PCEF sessions of CCR-I, three CCR-U with usage and CCR-T, two
 * rating groups each (one zero-rated), spread over {@link #SUBSCRIBERS} subscribers, with a fixed
 * number of requests in flight; latency per CCR in an HdrHistogram.
 */
final class GyLoad {

  static final long MB = 1024 * 1024;
  static final int SUBSCRIBERS = 1000;

  static final ChargingSettings SETTINGS =
      new ChargingSettings(
          new GrantPolicy(10 * MB, Duration.ofMinutes(30)),
          Set.of(10L, 1000L, 1001L),
          ChargingSettings.UnknownRatingGroups.DENY,
          Optional.empty(),
          ChargingSettings.DEFAULT_DUPLICATE_WINDOW);

  /**
   * One measured run; {@code notSuccess} requests answered other than 2001, or not within 10 s, are
   * not in the figures (their sessions are left).
   */
  record Result(
      String server, int inFlight, double perSecond, Histogram latencies, long notSuccess) {
    String line() {
      return String.format(
          "%-22s %9d %12.0f %9.2f %9.2f %9.2f %9d",
          server,
          inFlight,
          perSecond,
          latencies.getValueAtPercentile(50) / 1e6,
          latencies.getValueAtPercentile(99) / 1e6,
          latencies.getMaxValue() / 1e6,
          notSuccess);
    }

    static String header() {
      return String.format(
          "%-22s %9s %12s %9s %9s %9s %9s",
          "server", "in flight", "CCR/s", "p50 ms", "p99 ms", "max ms", "not 2001");
    }
  }

  /** Answers other than 2001 in the run under way (3004 while a lease moves, say). */
  private static final AtomicLong notSuccess = new AtomicLong();

  /** The Result-Codes other than 2001 seen in the run under way, for the log. */
  private static final java.util.Map<Long, Long> codes =
      new java.util.concurrent.ConcurrentHashMap<>();

  private GyLoad() {}

  /** The in-flight levels given after the seconds in a benchmark's arguments, or the defaults. */
  static List<Integer> inFlightLevels(String[] args, List<Integer> defaults) {
    List<Integer> levels = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      levels.add(Integer.parseInt(args[i]));
    }
    return levels.isEmpty() ? defaults : levels;
  }

  static DiameterIdentity identity(String name, int port) {
    return new DiameterIdentity(
        "ocs-" + name + ".simbundle.local",
        "simbundle.local",
        "127.0.0.1",
        port == 0 ? FreePort.next() : port);
  }

  static String msisdn(int i) {
    return "86186" + String.format("%08d", i);
  }

  static ChargingProfile profile(int i) {
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
            List.of())
        .withSmsPerCycle(1_000_000_000L)
        .withVoice(1_000_000_000_000L, ChargingProfile.PER_STARTED_MINUTE);
  }

  /**
   * What the load is made of: data sessions only, or one session in four a call (CCR-I, three CCR-U
   * of 60 s, CCR-T on Ro) and one in four an SMS (a DIRECT_DEBITING event).
   */
  enum Mix {
    DATA,
    VOICE_SMS
  }

  /** The stack's ceiling: a success answer with no logic and no database. */
  static Answer bareAnswer(Request request, DiameterIdentity self) {
    Answer answer = request.createAnswer(2001);
    answer.getAvps().addAvp(GyAvp.ORIGIN_HOST, self.host(), true, false, true);
    answer.getAvps().addAvp(GyAvp.ORIGIN_REALM, self.realm(), true, false, true);
    return answer;
  }

  /**
   * Connects a PCEF to {@code server}, warms up for a quarter of the time, then measures.
   *
   * @param toRealmOnly send without Destination-Host, as through a Diameter agent
   */
  static Result run(
      String name, DiameterIdentity server, boolean toRealmOnly, int concurrency, int seconds)
      throws Exception {
    return run(name, server, toRealmOnly, concurrency, seconds, Mix.DATA);
  }

  /** Like {@link #run(String, DiameterIdentity, boolean, int, int)}, with a mix of services. */
  static Result run(
      String name,
      DiameterIdentity server,
      boolean toRealmOnly,
      int concurrency,
      int seconds,
      Mix mix)
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
            Duration.ofSeconds(20))) {
      if (toRealmOnly) {
        pcef.toRealmOnly();
      }
      drive(
          pcef,
          mix,
          concurrency,
          Duration.ofSeconds(Math.max(2, seconds / 4)),
          new Recorder(3),
          new AtomicLong());
      notSuccess.set(0);
      codes.clear();
      long started = System.nanoTime();
      drive(pcef, mix, concurrency, Duration.ofSeconds(seconds), latencies, answered);
      double elapsed = (System.nanoTime() - started) / 1e9;
      if (!codes.isEmpty()) {
        System.out.println("  answers other than 2001 by Result-Code: " + codes);
      }
      return new Result(
          name,
          concurrency,
          answered.get() / elapsed,
          latencies.getIntervalHistogram(),
          notSuccess.get());
    }
  }

  private static void drive(
      PcefSimulator pcef,
      Mix mix,
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
                  int kind = mix == Mix.DATA ? 2 : (n / concurrency) % 4;
                  n += concurrency;
                  Session session = pcef.newSession();
                  int requests = kind == 1 ? 1 : 5;
                  for (int number = 0; number < requests; number++) {
                    int type =
                        number == 0
                            ? GyAvp.INITIAL_REQUEST
                            : number == 4 ? GyAvp.TERMINATION_REQUEST : GyAvp.UPDATE_REQUEST;
                    long used = number == 0 ? -1 : 512 * 1024;
                    long requested = type == GyAvp.TERMINATION_REQUEST ? -1 : MB;
                    Request request =
                        switch (kind) {
                          case 0 ->
                              pcef.voiceCall(
                                  session,
                                  type,
                                  number,
                                  subscriber,
                                  "8613800000000",
                                  type == GyAvp.TERMINATION_REQUEST ? -1 : 0,
                                  number == 0 ? -1 : 60);
                          case 1 ->
                              pcef.smsEvent(session, 0, subscriber, GyAvp.DIRECT_DEBITING, 1, 50);
                          default ->
                              pcef.creditControlRequest(
                                  session,
                                  type,
                                  number,
                                  subscriber,
                                  List.of(
                                      new Mscc(1000, requested, used),
                                      new Mscc(10, requested, used)));
                        };
                    long sent = System.nanoTime();
                    Answer answer;
                    try {
                      answer = pcef.send(session, request, Duration.ofSeconds(10));
                    } catch (IllegalStateException unanswered) {
                      notSuccess.incrementAndGet();
                      break;
                    }
                    long code = answer.getResultCode().getUnsigned32();
                    if (code != 2001) {
                      codes.merge(code, 1L, Long::sum);
                      // Counted apart (3004 while a lease moves, say); the session is left.
                      notSuccess.incrementAndGet();
                      break;
                    }
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
