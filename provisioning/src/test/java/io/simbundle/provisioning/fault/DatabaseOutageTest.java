package io.simbundle.provisioning.fault;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.fault.PcefLoad;
import io.simbundle.charging.fault.PcefLoad.Sent;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.store.UsageRecord;
import io.simbundle.platform.database.StoppableDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.FaultTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.DemoSubscribers;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.rules.realname.ResidentIdNumber;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdiameter.api.AvpDataException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database goes down while presale orders pour in and comes back: orders meanwhile are answered
 * 503 with Retry-After, quickly, the health check says which part is down, and once the database is
 * back every order sent again is taken exactly once and the tables hold nothing half-written.
 */
@FaultTest
class DatabaseOutageTest {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageTest.class);
  private static final int CLIENTS = 6;
  private static final List<String> SUBSCRIBERS =
      List.of(DemoSubscribers.WECHAT_WO, DemoSubscribers.YIXIN, DemoSubscribers.PLAIN);
  private static final Duration TX = Duration.ofSeconds(8);
  private static final int STOCK = 2_000;
  private static final Duration PAUSE = Duration.ofMillis(25);
  private static final String CAMPAIGN = ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}";
  private final AtomicInteger buyers = new AtomicInteger();

  /** One order sent, and how it was answered; {@code afterRestart} when sent after the outage. */
  private record Attempt(
      String externalId,
      String body,
      int status,
      String answer,
      String retryAfter,
      boolean afterRestart) {}

  @Test
  void ordersAndGyDuringAnOutageFailCleanlyAndNothingIsHalfWrittenOnceTheDatabaseIsBack()
      throws Exception {
    try (StoppableDatabase database = StoppableDatabase.start();
        TestEngine engine = TestEngine.start(database.settings())) {
      Presale presale = new Presale(engine);
      presale.stock("GD", 30_000, STOCK);
      ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
      AtomicBoolean stopped = new AtomicBoolean();
      AtomicBoolean restarted = new AtomicBoolean();
      ConcurrentLinkedQueue<Sent> requests = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + SUBSCRIBERS.size());
      List<Future<?>> running = new ArrayList<>();
      PcefSimulator pcef = connect(engine, "pgw-outage");
      for (String msisdn : SUBSCRIBERS) {
        running.add(
            clients.submit(
                () -> PcefLoad.runSessionsThroughFailures(pcef, msisdn, stopped, requests, TX)));
      }
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        running.add(
            clients.submit(
                () -> {
                  for (int n = 0; !stopped.get(); n++) {
                    String externalId = "outage-" + client + "-" + n;
                    String body =
                        Presale.order(
                            externalId,
                            newIdNumber(),
                            "wechat-wo",
                            "{\"type\": \"deposit\"}",
                            CAMPAIGN);
                    boolean after = restarted.get();
                    HttpResponse<String> answer = presale.place(body);
                    attempts.add(
                        new Attempt(
                            externalId,
                            body,
                            answer.statusCode(),
                            answer.body(),
                            answer.headers().firstValue("Retry-After").orElse(null),
                            after));
                    pause(PAUSE);
                  }
                  return null;
                }));
      }
      pause(Duration.ofMillis(1500));
      database.stop();
      pause(Duration.ofSeconds(2));
      HttpResponse<String> healthDuring = engine.get("/health");
      pause(Duration.ofSeconds(4));
      database.restart();
      restarted.set(true);
      long recovered = System.nanoTime();
      while (engine.get("/health").statusCode() != 200) {
        assertThat(System.nanoTime() - recovered).isLessThan(Duration.ofSeconds(30).toNanos());
        pause(Duration.ofMillis(200));
      }
      pause(Duration.ofMillis(1500));
      stopped.set(true);
      for (Future<?> client : running) {
        client.get();
      }
      clients.shutdown();
      List<Sent> gy = retransmitUnanswered(pcef, requests);
      pcef.close();

      Map<Integer, Long> byStatus =
          attempts.stream().collect(Collectors.groupingBy(Attempt::status, Collectors.counting()));
      log.info("{} orders sent through the outage, by status {}", attempts.size(), byStatus);
      assertThat(byStatus.keySet()).as("answers by status " + byStatus).containsOnly(201, 503);
      assertThat(healthDuring.statusCode()).isEqualTo(503);
      assertThat(read(healthDuring).path("checks").path("database").path("status").asText())
          .isEqualTo("DOWN");
      assertThat(read(healthDuring).path("checks").path("diameter").path("status").asText())
          .isEqualTo("UP");
      List<Attempt> refused = attempts.stream().filter(a -> a.status() == 503).toList();
      assertThat(refused).isNotEmpty();
      assertThat(refused)
          .allSatisfy(
              a -> {
                assertThat(a.answer()).contains("/database-unavailable\"");
                assertThat(a.retryAfter()).isEqualTo("5");
              });
      assertThat(attempts).anyMatch(a -> a.status() == 201 && a.afterRestart());

      // The stores send what was refused again, as Retry-After says: each order is taken once.
      int createdOnRetry = 0;
      for (Attempt again : refused) {
        HttpResponse<String> answer = presale.place(again.body());
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
        createdOnRetry += answer.statusCode() == 201 ? 1 : 0;
      }
      long accepted = attempts.stream().filter(a -> a.status() == 201).count();
      Function<String, Long> count = sql -> ProvisioningInvariants.count(database.jdbcUrl(), sql);
      assertThat(count.apply("SELECT COUNT(*) FROM product_order"))
          .isEqualTo(accepted + refused.size());
      assertThat(count.apply("SELECT COUNT(DISTINCT external_id) FROM product_order"))
          .isEqualTo(accepted + refused.size());
      log.info(
          "{} refused during the outage: {} created when sent again, {} had been written before"
              + " the connection broke",
          refused.size(),
          createdOnRetry,
          refused.size() - createdOnRetry);
      ProvisioningInvariants.assertHold(database.jdbcUrl());
      assertNoDebitLost(engine, gy);
    }
  }

  /**
   * Every byte of a request answered 2001 is debited. A request answered with an error (5012 while
   * the journal could not be written) is not charged — unless its commit went through just before
   * the connection broke, the narrow case docs/RELIABILITY.md records: so at most those bytes more.
   */
  private static void assertNoDebitLost(TestEngine engine, List<Sent> gy) {
    Map<Long, Long> byResult =
        gy.stream().collect(Collectors.groupingBy(Sent::resultCode, Collectors.counting()));
    log.info("{} Gy requests through the outage, by final Result-Code {}", gy.size(), byResult);
    assertThat(byResult.keySet()).as("Gy answers " + byResult).doesNotContain(PcefLoad.UNANSWERED);
    long debitedForErrors = 0;
    for (String msisdn : SUBSCRIBERS) {
      long charged =
          gy.stream()
              .filter(s -> s.msisdn().equals(msisdn) && s.answered())
              .mapToLong(Sent::used)
              .sum();
      long refused =
          gy.stream()
              .filter(s -> s.msisdn().equals(msisdn) && !s.answered())
              .mapToLong(Sent::used)
              .sum();
      long debited =
          engine.engine().charging().usage(msisdn).stream().mapToLong(UsageRecord::bytes).sum();
      assertThat(debited).as("bytes debited to " + msisdn).isBetween(charged, charged + refused);
      debitedForErrors += debited - charged;
    }
    log.info("bytes debited for requests answered with an error: {}", debitedForErrors);
  }

  /** Once Gy answers again, the PCEF sends what went unanswered again, with the T flag. */
  private static List<Sent> retransmitUnanswered(PcefSimulator pcef, Collection<Sent> requests) {
    List<Sent> settled = new ArrayList<>();
    for (Sent request : requests) {
      if (request.resultCode() == PcefLoad.UNANSWERED) {
        long code;
        try {
          code = PcefLoad.retransmit(pcef, request, TX).getResultCode().getUnsigned32();
        } catch (AvpDataException e) {
          throw new AssertionError(e);
        }
        settled.add(request.answeredWith(code));
      } else {
        settled.add(request);
      }
    }
    return settled;
  }

  private static PcefSimulator connect(TestEngine engine, String host) {
    return PcefSimulator.connect(
        new DiameterIdentity(
            host + ".pcef.simbundle.local", "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
        engine.settings().gy().identity(),
        Duration.ofSeconds(15));
  }

  /** A valid resident ID number no other order of the test has. */
  private String newIdNumber() {
    int n = buyers.getAndIncrement();
    String birth = LocalDate.of(1980, 1, 1).plusDays(n / 1000).toString().replace("-", "");
    String first17 = "440106" + birth + "%03d".formatted(n % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
