package io.simbundle.provisioning.app;

import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.cluster.ClusterSettings;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.guard.PeerLimits;
import io.simbundle.charging.nchf.ChfSettings;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.channels.sms.SmscSettings;
import io.simbundle.provisioning.channels.store.KafkaIntakeSettings;
import io.simbundle.provisioning.outbox.DeliveryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A whole engine for tests: its own schema on the shared test database, a free HTTP port on
 * loopback, and an HTTP client that talks to it over a real socket.
 */
public final class TestEngine implements AutoCloseable {

  /** The instant tests run at, inside the demo catalog's Yixun presale. */
  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);

  /** The admin credentials every test engine accepts. */
  public static final AdminCredentials ADMIN =
      new AdminCredentials("operator", "test-password-123", false);

  private final Engine engine;
  private final EngineSettings settings;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private TestEngine(EngineSettings settings, Clock clock) {
    this.settings = settings;
    this.engine = Engine.start(settings, clock);
  }

  public static TestEngine start(String purpose) {
    return start(TestDatabase.newSchemaSettings(purpose));
  }

  /**
   * An engine whose clock the test moves; background jobs wait an hour, tests run them. The outbox
   * gives up after 3 attempts, 1 s apart at first.
   */
  public static TestEngine start(String purpose, Clock clock) {
    return start(TestDatabase.newSchemaSettings(purpose), clock);
  }

  /** Like {@link #start(String, Clock)}, on a given database: a restart on the same data. */
  public static TestEngine start(DatabaseSettings database, Clock clock) {
    return start(database, Optional.empty(), clock, Optional.empty());
  }

  /**
   * Like {@link #start(DatabaseSettings, Clock)}, with catalog files of the test's own and, if
   * given, store orders also taken from a Kafka topic.
   */
  public static TestEngine start(
      DatabaseSettings database,
      Optional<Path> catalogDirectory,
      Clock clock,
      Optional<KafkaIntakeSettings> kafkaIntake) {
    return new TestEngine(
        settings(database, catalogDirectory, RulesSettings.defaults(), jobsByTest(kafkaIntake)),
        clock);
  }

  /** Like {@link #start(String, Clock)}, sending subscribers' SMS through {@code smsc}. */
  public static TestEngine withSmsc(String purpose, Clock clock, SmscSettings smsc) {
    return new TestEngine(
        settings(
            TestDatabase.newSchemaSettings(purpose),
            Optional.empty(),
            RulesSettings.defaults(),
            jobsByTest(Optional.empty()).withSmsc(smsc)),
        clock);
  }

  /** Background jobs an hour apart, so that tests run them; 3 outbox attempts, 1 s apart first. */
  private static ProvisioningSettings jobsByTest(Optional<KafkaIntakeSettings> kafkaIntake) {
    return new ProvisioningSettings(
        Duration.ofMinutes(30),
        Duration.ofHours(1),
        Duration.ofHours(1),
        new DeliveryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(2)),
        orderFilesDirectory(),
        kafkaIntake,
        Optional.empty(),
        Duration.ofDays(90),
        ProvisioningSettings.DEFAULT_PARTNER_CHECK_TIMEOUT,
        ProvisioningSettings.DEFAULT_PARTNER_ANSWERS_KEPT,
        ProvisioningSettings.DEFAULT_CREDIT_GRACE,
        ProvisioningSettings.DEFAULT_PARTNER_CHECK_PAUSE,
        RetentionPolicy.defaults());
  }

  public static TestEngine start(DatabaseSettings database) {
    return start(database, Optional.empty());
  }

  public static TestEngine start(DatabaseSettings database, Optional<Path> catalogDirectory) {
    return start(database, catalogDirectory, RulesSettings.defaults());
  }

  public static TestEngine start(
      DatabaseSettings database, Optional<Path> catalogDirectory, RulesSettings rules) {
    return new TestEngine(
        settings(
            database,
            catalogDirectory,
            rules,
            ProvisioningSettings.defaults(orderFilesDirectory())),
        CLOCK);
  }

  private static EngineSettings settings(
      DatabaseSettings database,
      Optional<Path> catalogDirectory,
      RulesSettings rules,
      ProvisioningSettings provisioning) {
    return new EngineSettings(
        "127.0.0.1",
        FreePort.next(),
        catalogDirectory,
        database,
        rules,
        new SecuritySettings(ADMIN, Optional.empty()),
        gy(),
        provisioning,
        Optional.of(ChfSettings.cleartext("127.0.0.1", FreePort.next())));
  }

  /** A fresh directory for the engine's store order files. */
  public static Path orderFilesDirectory() {
    try {
      return java.nio.file.Files.createTempDirectory("simbundle-order-files");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Gy on a free loopback port, with the demo subscribers. */
  public static GySettings gy() {
    return new GySettings(
        new DiameterIdentity(
            "ocs.simbundle.local", "simbundle.local", "127.0.0.1", FreePort.next()),
        new GrantPolicy(10L * 1024 * 1024, Duration.ofMinutes(30)),
        ChargingSettings.UnknownRatingGroups.CHARGE_AS_DEFAULT,
        Optional.empty(),
        ChargingSettings.DEFAULT_DUPLICATE_WINDOW,
        true,
        ClusterSettings.node("ocs.simbundle.local"),
        PeerLimits.DEFAULTS);
  }

  public Engine engine() {
    return engine;
  }

  public EngineSettings settings() {
    return settings;
  }

  public URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + settings.httpPort() + pathAndQuery);
  }

  public HttpResponse<String> get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  /** A JSON request, with the admin's credentials when {@code asAdmin}. */
  public HttpResponse<String> json(String method, String path, String body, boolean asAdmin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (asAdmin) {
      request.header("Authorization", adminAuthorization());
    }
    return send(request.build());
  }

  public HttpResponse<String> adminPost(String path, String body) {
    return json("POST", path, body, true);
  }

  public HttpResponse<String> adminGet(String path) {
    return json("GET", path, null, true);
  }

  public HttpResponse<String> adminDelete(String path) {
    return json("DELETE", path, null, true);
  }

  public HttpResponse<String> post(String path, String body) {
    return json("POST", path, body, false);
  }

  /** The Basic authorization header of {@link #ADMIN}. */
  public static String adminAuthorization() {
    String pair = ADMIN.user() + ":" + ADMIN.password();
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /**
   * Sends a request; one not answered whole within {@link #ANSWER_TIMEOUT} fails the test rather
   * than hang the suite. Over HTTP/1.1: with the JDK client's default h2c upgrade, a second GET of
   * the OpenAPI document on one connection was seen to get its headers and never its body.
   */
  public HttpResponse<String> send(HttpRequest request) {
    try {
      return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          request.method() + " " + request.uri() + ": no whole answer within " + ANSWER_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
