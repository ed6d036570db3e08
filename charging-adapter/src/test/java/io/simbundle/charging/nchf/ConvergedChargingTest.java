package io.simbundle.charging.nchf;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.nchf.NchfClient.request;
import static io.simbundle.charging.nchf.NchfClient.unit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.Balance;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.platform.testing.EngineTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The charging function as a CHF (TS 32.291 v3) over real HTTP/2 sockets on the real database:
 * create, update and release charged like CCR-I/U/T, answered after commit, idempotent, one balance
 * with Gy.
 */
@EngineTest
class ConvergedChargingTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant CYCLE_START = Instant.parse("2026-10-31T16:00:00Z");
  private static final Instant CYCLE_END = Instant.parse("2026-11-30T16:00:00Z");
  private static final long WECHAT = 1000;
  private static final long INTERNET = 10;
  private static ChargingFixture fixture;
  private static ChfServer chf;
  private static NchfClient smf;

  @BeforeAll
  static void start() {
    fixture =
        ChargingFixture.start(
            "nchf",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    chf = fixture.charging().serveNchf(ChfSettings.cleartext("127.0.0.1", 0));
    smf = new NchfClient(chf.port());
  }

  @AfterAll
  static void stop() {
    smf.close();
    fixture.close();
  }

  private static void weChatWo(String msisdn, long allowanceMb) {
    fixture
        .charging()
        .install(
            new ChargingProfile(
                msisdn,
                Optional.empty(),
                allowanceMb * MB,
                CYCLE_START,
                CYCLE_END,
                List.of(ChargingFixture.weChatFreeTraffic()),
                List.of()));
  }

  private static Balance balance(String msisdn) {
    return fixture.charging().balance(msisdn).orElseThrow();
  }

  private static JsonNode unitOf(NchfClient.Reply reply, long ratingGroup) {
    for (JsonNode unit : reply.json().path("multipleUnitInformation")) {
      if (unit.path("ratingGroup").asLong() == ratingGroup) {
        return unit;
      }
    }
    throw new AssertionError("no rating group " + ratingGroup + " in " + reply.body());
  }

  @Test
  void aPduSessionIsCreatedUpdatedAndReleasedWithZeroRatedAndChargedTraffic() {
    String msisdn = "8618600000501";
    weChatWo(msisdn, 500);

    NchfClient.Reply created =
        smf.create(unit(unit(request(msisdn, 7001, 1), WECHAT, 5 * MB, 0), INTERNET, 5 * MB, 0));
    String ref = created.reference();
    NchfClient.Reply updated =
        smf.update(
            ref, unit(unit(request(msisdn, 7001, 2), WECHAT, 5 * MB, 4 * MB), INTERNET, 0, 3 * MB));
    NchfClient.Reply released =
        smf.release(ref, unit(unit(request(msisdn, 7001, 3), WECHAT, 0, MB), INTERNET, 0, MB));

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.version()).isEqualTo(HttpVersion.HTTP_2);
    assertThat(created.location())
        .hasValueSatisfying(
            at -> assertThat(at).contains(ChfServer.API + "/").doesNotContain(msisdn));
    assertThat(created.json().path("invocationSequenceNumber").asLong()).isEqualTo(1);
    assertThat(unitOf(created, WECHAT).path("resultCode").asText()).isEqualTo("SUCCESS");
    assertThat(unitOf(created, WECHAT).path("grantedUnit").path("totalVolume").asLong())
        .isEqualTo(5 * MB);
    assertThat(unitOf(created, INTERNET).path("validityTime").asLong()).isEqualTo(1800);
    assertThat(unitOf(created, INTERNET).path("volumeQuotaThreshold").asLong()).isEqualTo(MB);
    assertThat(updated.status()).isEqualTo(200);
    assertThat(released.status()).isEqualTo(204);
    assertThat(released.body()).isEmpty();
    Balance balance = balance(msisdn);
    assertThat(balance.zeroRatedUsedBytes()).containsEntry("wechat-free-traffic", 5 * MB);
    assertThat(balance.allowanceUsedBytes()).isEqualTo(4 * MB);
    assertThat(balance.reservedBytes()).as("the release gave the rest back").isZero();
  }

  @Test
  void aRequestSentAgainGetsTheSameAnswerAndIsDebitedOnceAlsoAfterARestart() {
    String msisdn = "8618600000502";
    try (ChargingFixture own =
        ChargingFixture.start(
            "nchf_restart",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC))) {
      own.charging().install(ChargingFixture.plainProfile(msisdn, 500 * MB));
      ObjectNode create = unit(request(msisdn, 7002, 1), INTERNET, 5 * MB, 0);
      ObjectNode update = unit(request(msisdn, 7002, 2), INTERNET, 5 * MB, 2 * MB);
      NchfClient.Reply first;
      NchfClient.Reply again;
      NchfClient.Reply updated;
      try (NchfClient before =
          new NchfClient(own.charging().serveNchf(ChfSettings.cleartext("127.0.0.1", 0)).port())) {
        first = before.create(create);
        again = before.create(create.deepCopy().put("retransmissionIndicator", true));
        updated = before.update(first.reference(), update);
      }

      own.restartCharging();

      try (NchfClient after =
          new NchfClient(own.charging().serveNchf(ChfSettings.cleartext("127.0.0.1", 0)).port())) {
        NchfClient.Reply updatedAgain =
            after.update(first.reference(), update.deepCopy().put("retransmissionIndicator", true));

        assertThat(again.reference())
            .as("a create sent again finds its resource")
            .isEqualTo(first.reference());
        assertThat(unitOf(again, INTERNET)).isEqualTo(unitOf(first, INTERNET));
        assertThat(updatedAgain.status()).isEqualTo(200);
        assertThat(unitOf(updatedAgain, INTERNET)).isEqualTo(unitOf(updated, INTERNET));
        assertThat(own.charging().balance(msisdn).orElseThrow().allowanceUsedBytes())
            .as("reported twice, debited once")
            .isEqualTo(2 * MB);
      }
    }
  }

  @Test
  void gyAndNchfSessionsOfOneSubscriberDrawOnOneBalanceWithoutGrantingTwice() throws Exception {
    String msisdn = "8618600000503";
    fixture.charging().install(ChargingFixture.plainProfile(msisdn, 15 * MB));
    try (PcefSimulator pgw = fixture.pcef("pgw-nchf.pcef.simbundle.local")) {
      Session gy = pgw.newSession();
      AnswerView fourG =
          ChargingFixture.send(
              pgw, gy, GyAvp.INITIAL_REQUEST, 0, msisdn, new Mscc(INTERNET, 10 * MB, -1));
      NchfClient.Reply fiveG = smf.create(unit(request(msisdn, 7003, 1), INTERNET, 10 * MB, 0));
      long grantedOn5g = unitOf(fiveG, INTERNET).path("grantedUnit").path("totalVolume").asLong();
      // The subscriber moves back and forth: each core reports what it carried.
      ChargingFixture.send(
          pgw, gy, GyAvp.TERMINATION_REQUEST, 1, msisdn, new Mscc(INTERNET, -1, 6 * MB));
      smf.release(fiveG.reference(), unit(request(msisdn, 7003, 2), INTERNET, 0, 4 * MB));

      assertThat(fourG.mscc(INTERNET).grantedBytes()).isEqualTo(10 * MB);
      assertThat(grantedOn5g).as("only what 4G does not hold").isEqualTo(5 * MB);
      assertThat(unitOf(fiveG, INTERNET).has("finalUnitIndication"))
          .as("the last of the allowance")
          .isTrue();
      Balance balance = balance(msisdn);
      assertThat(balance.allowanceUsedBytes()).isEqualTo(10 * MB);
      assertThat(balance.reservedBytes()).isZero();
    }
  }

  @Test
  void theSmfIsToldToAskAgainWhenPrivilegesChangeAndThatChargingEndsWhenBarred() throws Exception {
    String msisdn = "8618600000506";
    weChatWo(msisdn, 500);
    BlockingQueue<JsonNode> told = new LinkedBlockingQueue<>();
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer notifyEndpoint =
          vertx
              .createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
              .requestHandler(
                  request ->
                      request.body(
                          body -> {
                            ThreeGppSchemas.assertValid(
                                "ChargingNotifyRequest", body.result().toString());
                            told.add(
                                new NchfClient.Reply(
                                        204,
                                        Optional.empty(),
                                        body.result().toString(),
                                        request.version())
                                    .json());
                            request.response().setStatusCode(204).end();
                          }))
              .listen()
              .toCompletionStage()
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      ObjectNode create = unit(unit(request(msisdn, 7006, 1), WECHAT, MB, 0), INTERNET, MB, 0);
      create.put("notifyUri", "http://127.0.0.1:" + notifyEndpoint.actualPort() + "/smf/7006");
      assertThat(smf.create(create).status()).isEqualTo(201);

      // Free WeChat traffic is withdrawn: what the session holds was granted under it.
      fixture
          .charging()
          .install(
              new ChargingProfile(
                  msisdn,
                  Optional.empty(),
                  500 * MB,
                  CYCLE_START,
                  CYCLE_END,
                  List.of(),
                  List.of()));
      JsonNode reauthorization = told.poll(10, TimeUnit.SECONDS);
      fixture.charging().bar(msisdn, true);
      JsonNode abort = told.poll(10, TimeUnit.SECONDS);

      assertThat(reauthorization).isNotNull();
      assertThat(reauthorization.path("notificationType").asText()).isEqualTo("REAUTHORIZATION");
      assertThat(reauthorization.path("reauthorizationDetails").findValuesAsText("ratingGroup"))
          .containsExactlyInAnyOrder("10", "1000");
      assertThat(abort).isNotNull();
      assertThat(abort.path("notificationType").asText()).isEqualTo("ABORT_CHARGING");
    } finally {
      vertx.close();
    }
  }

  @Test
  void badRequestsGetProblemDetailsNamingTheFieldAndNothingIsCharged() {
    String msisdn = "8618600000504";
    weChatWo(msisdn, 500);
    ObjectNode noSequence = unit(request(msisdn, 7004, 1), INTERNET, MB, 0);
    noSequence.remove("invocationSequenceNumber");
    ObjectNode badGroup = unit(request(msisdn, 7004, 1), INTERNET, MB, 0);
    ((ObjectNode) badGroup.get("multipleUnitUsage").get(0)).put("ratingGroup", "ten");
    ObjectNode nobody = request(msisdn, 7004, 1);
    nobody.remove("subscriberIdentifier");
    ((ObjectNode) nobody.get("pDUSessionChargingInformation")).remove("userInformation");

    NchfClient.Reply missing = smf.post(ChfServer.API, "application/json", noSequence.toString());
    NchfClient.Reply incorrect = smf.post(ChfServer.API, "application/json", badGroup.toString());
    NchfClient.Reply anonymous = smf.post(ChfServer.API, "application/json", nobody.toString());
    NchfClient.Reply notJson = smf.post(ChfServer.API, "application/json", "{\"invocation");
    NchfClient.Reply text = smf.post(ChfServer.API, "text/plain", "hello");
    NchfClient.Reply tooBig =
        smf.post(ChfServer.API, "application/json", "[" + "0,".repeat(40_000) + "0]");
    NchfClient.Reply unknown = smf.create(unit(request("8613999999999", 7004, 1), INTERNET, MB, 0));
    NchfClient.Reply get = smf.get(ChfServer.API);
    NchfClient.Reply nowhere =
        smf.post("/nchf-convergedcharging/v2/chargingdata", "application/json", "{}");

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("cause").asText()).isEqualTo("MANDATORY_IE_MISSING");
    assertThat(missing.json().path("invalidParams").get(0).path("param").asText())
        .isEqualTo("/invocationSequenceNumber");
    assertThat(incorrect.json().path("cause").asText()).isEqualTo("MANDATORY_IE_INCORRECT");
    assertThat(incorrect.json().path("invalidParams").get(0).path("param").asText())
        .isEqualTo("/multipleUnitUsage/0/ratingGroup");
    assertThat(anonymous.json().path("cause").asText()).isEqualTo("MANDATORY_IE_MISSING");
    assertThat(notJson.json().path("cause").asText()).isEqualTo("INVALID_MSG_FORMAT");
    assertThat(text.status()).isEqualTo(415);
    assertThat(tooBig.status()).isEqualTo(413);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("cause").asText()).isEqualTo("USER_UNKNOWN");
    assertThat(get.status()).isEqualTo(405);
    assertThat(nowhere.status()).isEqualTo(404);
    for (NchfClient.Reply problem : List.of(missing, incorrect, notJson, unknown)) {
      assertThat(problem.json().path("status").asInt()).isEqualTo(problem.status());
      assertThat(problem.body()).doesNotContain(msisdn);
    }
    assertThat(balance(msisdn).reservedBytes()).isZero();
  }

  @Test
  void anEmptyBodyIsAnsweredEveryTime() {
    // A stream that ends with its headers, a hundred times on one connection: each gets its 400.
    for (int i = 0; i < 100; i++) {
      NchfClient.Reply empty =
          smf.post(ChfServer.API + "/0123456789abcdef/release", "application/json", "");
      assertThat(empty.status()).as("empty body #" + i).isEqualTo(400);
      assertThat(empty.json().path("cause").asText()).isEqualTo("INVALID_MSG_FORMAT");
    }
  }

  @Test
  void anIndependentClientCurlPlaysASessionOverHttp2WithPriorKnowledge(@TempDir Path dir)
      throws Exception {
    String msisdn = "8618600000505";
    weChatWo(msisdn, 500);
    Path create = dir.resolve("create.json");
    Files.writeString(
        create,
        unit(unit(request(msisdn, 7005, 1), WECHAT, 2 * MB, 0), INTERNET, 2 * MB, 0).toString());
    Path release = dir.resolve("release.json");
    Files.writeString(
        release,
        unit(unit(request(msisdn, 7005, 2), WECHAT, 0, 2 * MB), INTERNET, 0, MB).toString());

    List<String> created = curl(dir, ChfServer.API, create);
    String ref = header(created, "location");
    List<String> released =
        curl(
            dir,
            ChfServer.API + "/" + ref.substring(ref.lastIndexOf('/') + 1) + "/release",
            release);

    assertThat(created.get(0)).isEqualTo("HTTP/2 201");
    assertThat(released.get(0)).isEqualTo("HTTP/2 204");
    Balance balance = balance(msisdn);
    assertThat(balance.zeroRatedUsedBytes()).containsEntry("wechat-free-traffic", 2 * MB);
    assertThat(balance.allowanceUsedBytes()).isEqualTo(MB);
  }

  /** Debian's curl, as an operator would test a CHF: the response's status line and headers. */
  private static List<String> curl(Path dir, String path, Path body) throws Exception {
    Path headers = dir.resolve("headers-" + System.nanoTime());
    Process curl =
        new ProcessBuilder(
                "curl",
                "--silent",
                "--show-error",
                "--max-time",
                "15",
                "--http2-prior-knowledge",
                "--dump-header",
                headers.toString(),
                "--output",
                "/dev/null",
                "--header",
                "Content-Type: application/json",
                "--data-binary",
                "@" + body,
                "http://127.0.0.1:" + chf.port() + path)
            .redirectErrorStream(true)
            .start();
    assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.exitValue()).as(output).isZero();
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(headers)) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  private static String header(List<String> lines, String name) {
    return lines.stream()
        .filter(l -> l.toLowerCase().startsWith(name + ":"))
        .map(l -> l.substring(name.length() + 1).strip())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + lines));
  }
}
