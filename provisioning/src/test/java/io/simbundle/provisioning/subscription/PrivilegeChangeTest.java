package io.simbundle.provisioning.subscription;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.Balance;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Privileges change once per billing cycle and take effect at the next one: then charging gets the
 * new profile (re-authorizing open sessions) and the partner learns which perks come and go.
 */
@EngineTest
class PrivilegeChangeTest {

  private static final long MB = 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("privilege_change", clock);
    presale = new Presale(engine);
    presale.stock("GD", 30_000, 10);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static HttpResponse<String> change(String msisdn, String idNumber, String... codes) {
    return engine.post(
        "/api/v1/privilegeSelection",
        """
        {"msisdn": "%s", "idNumber": "%s", "chosenPrivileges": %s}
        """
            .formatted(msisdn, idNumber, Presale.codes(codes)));
  }

  @Test
  void aChangeWaitsForTheNextCycleThenReachesChargingAndThePartner() throws Exception {
    String idNumber = Presale.newIdNumber("19880808");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    JsonNode product =
        read(
            presale.activate(
                order.path("id").asText(), "张三", idNumber, "wechat-free-traffic", "free-games"));
    String msisdn = product.path("msisdn").asText();

    HttpResponse<String> first = change(msisdn, idNumber, "free-music", "free-emoticons");
    HttpResponse<String> second = change(msisdn, idNumber, "free-games");

    assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
    assertThat(read(first).path("privileges").toString())
        .isEqualTo("[\"wechat-free-traffic\",\"free-games\"]");
    assertThat(read(first).path("pendingFrom").asText()).isEqualTo("2026-11-30T16:00:00Z");
    assertThat(second.statusCode()).isEqualTo(422);
    assertThat(read(second).path("reasons").findValuesAsText("code"))
        .containsExactly("PRIVILEGES_CHANGED_THIS_CYCLE");

    try (PcefSimulator pcef =
        PcefSimulator.connect(
            new DiameterIdentity(
                "pgw.change.local", "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
            engine.settings().gy().identity(),
            TIMEOUT)) {
      Session session = pcef.newSession();
      pcef.send(
          session,
          pcef.creditControlRequest(
              session, GyAvp.INITIAL_REQUEST, 0, msisdn, List.of(new Mscc(1000, 5 * MB, -1))),
          TIMEOUT);
      engine.engine().chargingSync().syncAll();
      assertThat(pcef.nextReAuthorization(Duration.ofMillis(300))).isEmpty();

      clock.advance(Duration.ofDays(8));
      int synced = engine.engine().chargingSync().syncAll();

      assertThat(synced).isGreaterThanOrEqualTo(1);
      assertThat(pcef.nextReAuthorization(TIMEOUT)).hasValue(session.getSessionId());
    }
    JsonNode after =
        read(
            engine.adminGet("/tmf-api/productInventory/v5/product/" + product.path("id").asText()));
    assertThat(after.path("privileges").toString())
        .isEqualTo("[\"free-music\",\"free-emoticons\"]");
    assertThat(after.has("pendingPrivileges")).isFalse();
    assertThat(after.path("zeroRatedRatingGroups").toString()).isEqualTo("[1002]");
    assertThat(
            engine.engine().subscriptions().perkNotices("tencent").stream()
                .filter(m -> m.payload().path("msisdn").asText().equals(msisdn))
                .map(m -> m.kind() + ":" + m.payload().path("perkCode").asText()))
        .containsExactly(
            "perk.activate:FREE_GAMES", "perk.remove:FREE_GAMES", "perk.activate:FREE_EMOTICONS");
    Balance balance = engine.engine().charging().balance(msisdn).orElseThrow();
    assertThat(balance.zeroRatedUsedBytes()).containsOnlyKeys("free-music");
    assertThat(change(msisdn, idNumber, "free-games").statusCode()).isEqualTo(202);
  }

  @Test
  void aChangeNeedsTheHoldersIdNumberAndAValidChoice() {
    String idNumber = Presale.newIdNumber("19880808");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    String msisdn =
        read(presale.activate(order.path("id").asText(), "张三", idNumber, "free-games"))
            .path("msisdn")
            .asText();

    HttpResponse<String> wrongHolder =
        change(msisdn, Presale.newIdNumber("19880808"), "free-music");
    HttpResponse<String> unknownNumber = change("8613000000000", idNumber, "free-music");
    HttpResponse<String> invalid = change(msisdn, idNumber, "hd-pictures");

    assertThat(wrongHolder.statusCode()).isEqualTo(404);
    assertThat(read(wrongHolder).path("detail").asText())
        .isEqualTo(read(unknownNumber).path("detail").asText());
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(read(invalid).path("reasons").findValuesAsText("code"))
        .containsExactly("PRIVILEGE_REQUIRES_ANOTHER");
  }
}
