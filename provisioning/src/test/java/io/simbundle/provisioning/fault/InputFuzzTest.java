package io.simbundle.provisioning.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.FaultTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Bounded fuzzing of the HTTP inputs: order bodies mangled in every field, and inventory CSV files
 * with lines of every kind of wrong. Each gets an answer a client can act on — an RFC 9457 problem
 * or the created resource, never a 5xx — and what is refused leaves nothing behind.
 */
@FaultTest
class InputFuzzTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> ORDER_FIELDS =
      List.of(
          "/externalId",
          "/channel/id",
          "/place/id",
          "/campaign/id",
          "/buyer/name",
          "/buyer/idNumber",
          "/buyer/newToOperator",
          "/productOrderItem",
          "/productOrderItem/0/productOffering/id",
          "/productOrderItem/0/action",
          "/payment/type",
          "/payment");
  private static final AtomicInteger serial = new AtomicInteger();
  private static final String FRESH = "{fresh}";
  private static DatabaseSettings database;
  private static TestEngine engine;

  @BeforeContainer
  static void start() {
    database = TestDatabase.newSchemaSettings("input_fuzz");
    engine = TestEngine.start(database);
    new Presale(engine).stock("GD", 40_000, 600);
  }

  @AfterContainer
  static void stop() {
    engine.close();
  }

  /** A mangled field: its JSON pointer and its new value, or none to delete it. */
  record Mangle(String field, JsonNode value) {}

  @Provide
  Arbitrary<List<Mangle>> mangles() {
    Arbitrary<JsonNode> values =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(300).map(NODES::textNode),
            Arbitraries.strings()
                .withCharRange('0', '9')
                .ofMinLength(15)
                .ofMaxLength(20)
                .map(NODES::textNode),
            Arbitraries.longs().map(NODES::numberNode),
            Arbitraries.doubles().map(NODES::numberNode),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()),
            // A fresh container each time: one shared instance, mangled into itself by a later
            // try, would make the body a cycle.
            Arbitraries.create(NODES::objectNode),
            Arbitraries.create(NODES::arrayNode),
            Arbitraries.just((JsonNode) null));
    return Combinators.combine(Arbitraries.of(ORDER_FIELDS), values)
        .as(Mangle::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  @Property(tries = 1000)
  void anyOrderBodyGetsAnOrderOrAProblemAndARefusalStoresNothing(
      @ForAll("mangles") List<Mangle> mangles, @ForAll("cuts") int cut) throws Exception {
    int n = serial.incrementAndGet();
    ObjectNode order =
        (ObjectNode)
            Presale.JSON.readTree(
                Presale.order(
                    "fuzz-" + n,
                    Presale.newIdNumber("19850505"),
                    "wechat-wo",
                    "{\"type\": \"deposit\"}",
                    ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}"));
    mangles.forEach(m -> apply(order, m));
    String body = Presale.JSON.writeValueAsString(order);
    if (cut > 0 && cut < body.length()) {
      body = body.substring(0, cut);
    }
    long ordersBefore = orders();

    HttpResponse<String> answer = new Presale(engine).place(body);
    Statistics.collect(answer.statusCode());

    assertThat(answer.statusCode()).as(body + " → " + answer.body()).isIn(200, 201, 400, 409, 422);
    if (answer.statusCode() >= 400) {
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(Presale.read(answer).path("status").asInt()).isEqualTo(answer.statusCode());
      assertThat(Presale.read(answer).path("detail").asText()).isNotBlank();
    }
    if (answer.statusCode() == 400) {
      assertThat(orders()).as("orders after a 400").isEqualTo(ordersBefore);
    }
    ProvisioningInvariants.assertHold(database.url().orElseThrow());
  }

  @Provide
  Arbitrary<Integer> cuts() {
    // Most bodies whole; some cut short anywhere.
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(4, Arbitraries.just(0)),
        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(1, 400)));
  }

  private static void apply(ObjectNode order, Mangle mangle) {
    String pointer = mangle.field();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = order.at(pointer.substring(0, slash));
    String name = pointer.substring(slash + 1);
    if (parent instanceof ObjectNode object) {
      if (mangle.value() == null) {
        object.remove(name);
      } else {
        object.set(name, mangle.value());
      }
    } else if (parent instanceof ArrayNode array && !array.isEmpty()) {
      if (mangle.value() == null) {
        array.remove(0);
      } else {
        array.set(0, mangle.value());
      }
    }
  }

  /** A line of an inventory file, and whether the engine must take it. */
  record Line(String text, boolean valid) {}

  @Provide
  Arbitrary<List<Line>> inventoryLines() {
    // The number is filled in when the file is written: each try's good lines are new numbers.
    Arbitrary<Line> fresh = Arbitraries.just(new Line(FRESH + ",GD", true));
    Arbitrary<Line> junk =
        Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withChars("0123456789,\"GD \t").ofMaxLength(30),
                Arbitraries.strings().numeric().ofLength(11).map(s -> s + ",ZZ"),
                Arbitraries.strings().numeric().ofLength(11).map(s -> "0" + s + ",GD"),
                Arbitraries.just("13590000000,GD,extra"),
                Arbitraries.just("\"13590000001,GD"))
            .filter(s -> !s.isBlank() && !s.contains("\n") && !s.contains("\r"))
            .map(s -> new Line(s, false));
    return Arbitraries.frequencyOf(
            net.jqwik.api.Tuple.of(1, fresh), net.jqwik.api.Tuple.of(1, junk))
        .list()
        .ofMaxSize(25);
  }

  @Property(tries = 400)
  void inventoryFilesTakeEveryGoodLineAndNameEveryBadOne(
      @ForAll("inventoryLines") List<Line> lines, @ForAll("headers") String header) {
    StringBuilder csv = new StringBuilder(header).append('\n');
    lines.forEach(
        l ->
            csv.append(l.text().replace(FRESH, "1359%07d".formatted(serial.incrementAndGet())))
                .append('\n'));
    long numbersBefore = numbers();

    HttpResponse<String> answer = new Presale(engine).importCsv("phoneNumber", csv.toString());
    Statistics.collect(answer.statusCode());

    boolean goodHeader = header.equals("msisdn,province");
    if (!goodHeader || lines.isEmpty()) {
      assertThat(answer.statusCode()).as(csv + " → " + answer.body()).isIn(201, 400, 422);
    } else {
      assertThat(answer.statusCode()).as(csv + " → " + answer.body()).isEqualTo(201);
    }
    if (answer.statusCode() != 201) {
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(numbers()).isEqualTo(numbersBefore);
      return;
    }
    JsonNode report = Presale.read(answer);
    long imported = report.path("imported").asLong();
    if (goodHeader) {
      long valid = lines.stream().filter(Line::valid).count();
      assertThat(imported).as(csv + " → " + answer.body()).isEqualTo(valid);
    }
    assertThat(numbers()).isEqualTo(numbersBefore + imported);
    List<Long> rejectedLines = new ArrayList<>();
    report.path("rejected").forEach(r -> rejectedLines.add(r.path("line").asLong()));
    assertThat(rejectedLines).allSatisfy(line -> assertThat(line).isBetween(2L, 1L + lines.size()));
    assertThat(report.path("rejected"))
        .allSatisfy(r -> assertThat(r.path("reason").asText()).isNotBlank());
    assertThat(imported + rejectedLines.size()).isEqualTo(report.path("linesRead").asLong());
  }

  @Provide
  Arbitrary<String> headers() {
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(9, Arbitraries.just("msisdn,province")),
        net.jqwik.api.Tuple.of(
            1,
            Arbitraries.oneOf(
                Arbitraries.just("province,msisdn,"),
                Arbitraries.just("number,province"),
                Arbitraries.strings().alpha().ofMaxLength(20))));
  }

  private static long orders() {
    return ProvisioningInvariants.count(
        database.url().orElseThrow(), "SELECT COUNT(*) FROM product_order");
  }

  private static long numbers() {
    return ProvisioningInvariants.count(
        database.url().orElseThrow(), "SELECT COUNT(*) FROM phone_number");
  }
}
