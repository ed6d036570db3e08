package io.simbundle.charging.fault;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.Balance;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.nchf.ChfServer;
import io.simbundle.charging.nchf.ChfSettings;
import io.simbundle.charging.nchf.NchfClient;
import io.simbundle.platform.testing.FaultTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Bounded fuzzing of the CHF's request bodies: a valid ChargingDataRequest with one field removed,
 * replaced by a value of another type or size, or the text cut short, sent as a create, an update
 * or a release. Every answer is a success or a 4xx ProblemDetails saying what was wrong — never a
 * 5xx — and the subscriber's balance stays consistent.
 */
@FaultTest
class NchfFuzzTest {

  private static final String MSISDN = "8618600000089";
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static ChargingFixture fixture;
  private static NchfClient smf;

  /** Where a request goes. */
  enum Operation {
    CREATE,
    UPDATE,
    RELEASE
  }

  /** How the valid request is spoilt: which field, what instead, or where the text is cut. */
  record Defect(Operation operation, int field, int replacement, int cut, long number) {}

  @BeforeContainer
  static void start() {
    fixture =
        ChargingFixture.start(
            "nchf_fuzz",
            ChargingSettings.UnknownRatingGroups.CHARGE_AS_DEFAULT,
            Optional.empty(),
            Clock.systemUTC());
    fixture.charging().install(ChargingFixture.plainProfile(MSISDN, 1_000_000 * MB));
    ChfServer chf = fixture.charging().serveNchf(ChfSettings.cleartext("127.0.0.1", 0));
    smf = new NchfClient(chf.port());
  }

  @AfterContainer
  static void stop() {
    smf.close();
    fixture.close();
  }

  @Provide
  Arbitrary<Defect> defects() {
    return Combinators.combine(
            Arbitraries.of(Operation.class),
            Arbitraries.integers().between(0, 200),
            Arbitraries.integers().between(0, 12),
            Arbitraries.integers().between(-1, 400),
            Arbitraries.longs())
        .as(Defect::new);
  }

  @Property(tries = 600)
  void everyDefectiveBodyIsAnsweredWithoutAServerError(@ForAll("defects") Defect defect) {
    ObjectNode valid =
        NchfClient.unit(
            NchfClient.unit(NchfClient.request(MSISDN, defect.field(), 1), 1000, MB, 0),
            10,
            MB,
            MB);
    String body = spoil(valid, defect);
    String path =
        switch (defect.operation()) {
          case CREATE -> ChfServer.API;
          case UPDATE -> ChfServer.API + "/0123456789abcdef/update";
          case RELEASE -> ChfServer.API + "/0123456789abcdef/release";
        };

    NchfClient.Reply reply = smf.post(path, "application/json", body);
    Statistics.collect(defect.operation(), reply.status() / 100 + "xx");

    assertThat(reply.status()).as(body).isLessThan(500);
    if (reply.status() >= 400) {
      JsonNode problem = reply.json();
      assertThat(problem.path("status").asInt()).isEqualTo(reply.status());
      assertThat(problem.path("cause").asText()).isNotEmpty();
    }
    Balance balance = fixture.charging().balance(MSISDN).orElseThrow();
    assertThat(balance.allowanceUsedBytes()).isNotNegative();
    assertThat(balance.reservedBytes()).isNotNegative();
  }

  /** The valid request with one defect, as text. */
  private static String spoil(ObjectNode valid, Defect defect) {
    List<Spot> spots = new ArrayList<>();
    collect(valid, spots);
    Spot spot = spots.get(defect.field() % spots.size());
    spot.replace(replacement(defect.replacement(), defect.number()));
    String text = valid.toString();
    return defect.cut() >= 0 && defect.cut() < text.length()
        ? text.substring(0, defect.cut())
        : text;
  }

  /** A place in the tree whose value can be replaced or removed. */
  private record Spot(JsonNode parent, String field, int index) {
    void replace(Optional<JsonNode> value) {
      if (parent instanceof ObjectNode object) {
        value.ifPresentOrElse(v -> object.set(field, v), () -> object.remove(field));
      } else if (parent instanceof ArrayNode array) {
        value.ifPresentOrElse(v -> array.set(index, v), () -> array.remove(index));
      }
    }
  }

  private static void collect(JsonNode node, List<Spot> spots) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        spots.add(new Spot(object, name, -1));
        collect(object.get(name), spots);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        spots.add(new Spot(array, null, i));
        collect(array.get(i), spots);
      }
    }
  }

  /** Empty: the field removed. */
  private static Optional<JsonNode> replacement(int kind, long number) {
    return Optional.ofNullable(
        switch (kind) {
          case 0 -> null;
          case 1 -> JSON.nullNode();
          case 2 -> JSON.numberNode(number);
          case 3 -> JSON.numberNode(-1);
          case 4 -> JSON.numberNode(new java.math.BigInteger("18446744073709551616"));
          case 5 -> JSON.numberNode(3.5);
          case 6 -> JSON.textNode("x".repeat(Math.floorMod(number, 100)));
          case 7 -> JSON.textNode("imsi-" + Math.abs(number));
          case 8 -> JSON.booleanNode(number % 2 == 0);
          case 9 -> JSON.arrayNode().add(number);
          case 10 -> JSON.objectNode().put("totalVolume", number);
          case 11 -> JSON.textNode("2026-13-45T99:00:00Z");
          default -> JSON.arrayNode();
        });
  }
}
