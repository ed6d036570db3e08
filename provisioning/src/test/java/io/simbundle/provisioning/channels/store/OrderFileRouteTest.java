package io.simbundle.provisioning.channels.store;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Store order files dropped in the engine's directory: orders, reports, done/ and error/. */
@EngineTest
class OrderFileRouteTest {

  private static final String HEADER =
      "externalId,productOffering,campaign,province,buyerName,buyerIdNumber,payment,newToOperator\n";
  private static TestEngine engine;
  private static Path directory;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("order_files");
    new Presale(engine).stock("GD", 80_000, 20);
    engine.adminPost(
        "/admin/stores",
        """
        {"id": "yixun", "name": "Yixun", "callbackUrl": "http://127.0.0.1:9/cb",
         "campaigns": ["yixun-wechat-wo-presale"]}
        """);
    directory = engine.settings().provisioning().orderFiles();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static String line(String externalId, String campaign, String province, String id) {
    return String.join(
            ",", externalId, "wechat-wo", campaign, province, "张三", id, "deposit", "true")
        + "\n";
  }

  /** Drops a file as a store would: written aside, then renamed into place. */
  private static void drop(String store, String name, String content) throws Exception {
    Path storeDirectory = Files.createDirectories(directory.resolve(store));
    Path aside = Files.writeString(storeDirectory.resolve(name + ".part"), content);
    Files.move(aside, storeDirectory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path awaitReport(String store, String name) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (Instant.now().isBefore(deadline)) {
      for (String outcome : List.of("done", "error")) {
        Path moved = directory.resolve(store).resolve(outcome).resolve(name);
        Path report = directory.resolve(store).resolve(outcome).resolve(name + ".report.csv");
        if (Files.exists(moved) && Files.exists(report)) {
          return report;
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError(name + " was not processed within 20 s");
  }

  private static JsonNode yixunOrders() {
    return read(engine.adminGet(Presale.ORDERS + "?channel=yixun&limit=200"));
  }

  @Test
  void goodLinesBecomeOrdersAndBadOnesAreReportedByLine() throws Exception {
    String presale = "yixun-wechat-wo-presale";
    String content =
        HEADER
            + line("F-1", presale, "GD", Presale.newIdNumber("19900101"))
            + line("F-2", presale, "XX", Presale.newIdNumber("19900101"))
            + line("F-3", "tmall-double-11", "GD", Presale.newIdNumber("19900101"))
            + "\n"
            + line("F-4", presale, "GD", Presale.newIdNumber("20150101"))
            + "\"F-5,wechat-wo\n"
            + line("F-6", presale, "GD", "");

    drop("yixun", "orders-1.csv", content);
    Path report = awaitReport("yixun", "orders-1.csv");

    assertThat(report.getParent().getFileName().toString()).isEqualTo("error");
    List<String> lines = Files.readAllLines(report);
    assertThat(lines.get(0)).isEqualTo("line,externalId,result,productOrder,reason");
    assertThat(lines.subList(1, lines.size()))
        .satisfiesExactly(
            l -> assertThat(l).startsWith("2,\"F-1\",accepted,"),
            l -> assertThat(l).startsWith("3,\"F-2\",invalid,,").contains("province 'XX'"),
            l -> assertThat(l).contains("may not sell campaign tmall-double-11"),
            l -> assertThat(l).startsWith("6,\"F-4\",rejected,").contains("TOO_YOUNG"),
            l -> assertThat(l).startsWith("7,\"\",invalid,,").contains("malformed CSV"),
            l ->
                assertThat(l)
                    .startsWith("8,\"F-6\",invalid,,")
                    .contains("buyeridnumber is missing"));
    assertThat(String.join("\n", lines)).doesNotContain("199001010");
    assertThat(yixunOrders().findValuesAsText("externalId")).contains("F-1", "F-4");
  }

  @Test
  void aCleanFileGoesToDoneAndDroppingItAgainCreatesNothing() throws Exception {
    String content =
        HEADER
            + line("G-1", "yixun-wechat-wo-presale", "GD", Presale.newIdNumber("19900101"))
            + line("G-2", "yixun-wechat-wo-presale", "GD", Presale.newIdNumber("19900101"));

    drop("yixun", "orders-2.csv", content);
    Path first = awaitReport("yixun", "orders-2.csv");
    int orders = yixunOrders().size();
    Files.delete(first.getParent().resolve("orders-2.csv"));
    Files.delete(first);
    drop("yixun", "orders-2.csv", content);
    Path second = awaitReport("yixun", "orders-2.csv");

    assertThat(first.getParent().getFileName().toString()).isEqualTo("done");
    assertThat(Files.readAllLines(second).subList(1, 3))
        .allSatisfy(l -> assertThat(l).contains(",duplicate,"));
    assertThat(yixunOrders()).hasSize(orders);
  }

  @Test
  void aFileOfAnUnknownStoreOrWithoutItsHeaderGoesToError() throws Exception {
    drop("nostore", "orders-3.csv", HEADER + "x\n");
    drop("yixun", "orders-4.csv", "externalId,campaign\nH-1,yixun-wechat-wo-presale\n");

    Path unknown = awaitReport("nostore", "orders-3.csv");
    Path headerless = awaitReport("yixun", "orders-4.csv");

    assertThat(unknown.getParent().getFileName().toString()).isEqualTo("error");
    assertThat(Files.readString(unknown)).contains("no store nostore");
    assertThat(Files.readString(headerless)).contains("line 1: the header lacks column(s)");
  }
}
