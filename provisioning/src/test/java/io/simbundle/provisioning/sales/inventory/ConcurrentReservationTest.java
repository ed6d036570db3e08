package io.simbundle.provisioning.sales.inventory;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Many orders at once on the real database: no number and no card is ever held by two orders, and
 * the orders that find nothing left fail with a clear answer.
 */
@EngineTest
class ConcurrentReservationTest {

  private static final int STOCK = 120;
  private static final int ORDERS = 160;
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine = TestEngine.start("concurrent_reservation");
    presale = new Presale(engine);
    presale.stock("GD", 0, STOCK);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void concurrentOrdersNeverShareANumberOrACard() throws Exception {
    List<Callable<HttpResponse<String>>> orders = new ArrayList<>();
    for (int i = 0; i < ORDERS; i++) {
      String body = Presale.weChatWoOrder("burst-" + i, Presale.newIdNumber("19900101"));
      orders.add(() -> presale.place(body));
    }

    List<HttpResponse<String>> responses = runAtOnce(orders, 24);

    Set<String> numbers = new HashSet<>();
    Set<String> cards = new HashSet<>();
    int accepted = 0;
    int exhausted = 0;
    for (HttpResponse<String> response : responses) {
      JsonNode body = read(response);
      if (response.statusCode() == 201) {
        accepted++;
        JsonNode product = body.path("productOrderItem").get(0).path("product");
        assertThat(numbers.add(product.path("msisdn").asText())).isTrue();
        assertThat(cards.add(product.path("iccid").asText())).isTrue();
      } else {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(body.path("type").asText()).endsWith("/inventory-unavailable");
        exhausted++;
      }
    }
    assertThat(accepted).isEqualTo(STOCK);
    assertThat(exhausted).isEqualTo(ORDERS - STOCK);
    assertThat(
            count(
                "SELECT COUNT(*) FROM phone_number WHERE status = 'reserved' AND province = 'GD'"))
        .isEqualTo(STOCK);
    assertThat(
            count(
                "SELECT COUNT(DISTINCT order_id) FROM sim_card WHERE status = 'reserved'"
                    + " AND province = 'GD'"))
        .isEqualTo(STOCK);
    assertThat(
            count(
                "SELECT COUNT(*) FROM product_order WHERE state = 'failed'"
                    + " AND product_code = 'wechat-wo'"))
        .isEqualTo(ORDERS - STOCK);
  }

  @Test
  void aPickedNumberGoesToExactlyOneOfManyBuyers() throws Exception {
    presale.stock("GX", 500_000, 30);
    String wanted = Presale.msisdn(500_007);
    List<Callable<HttpResponse<String>>> orders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String body =
          Presale.order(
                  "lucky-" + i,
                  Presale.newIdNumber("19850505"),
                  "yixin-card",
                  "{\"type\": \"full\"}",
                  "")
              .replace("\"GD\"", "\"GX\"")
              .replace(
                  "\"productOffering\": {\"id\": \"yixin-card\"}",
                  "\"productOffering\": {\"id\": \"yixin-card\"}, \"product\": {\"msisdn\": \""
                      + wanted
                      + "\"}");
      orders.add(() -> presale.place(body));
    }

    List<HttpResponse<String>> responses = runAtOnce(orders, 20);

    assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
    assertThat(responses)
        .filteredOn(r -> r.statusCode() == 409)
        .hasSize(19)
        .allSatisfy(
            r ->
                assertThat(read(r).path("detail").asText())
                    .isEqualTo("number " + wanted + " is not available in GX"));
  }

  private static List<HttpResponse<String>> runAtOnce(
      List<Callable<HttpResponse<String>>> calls, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<HttpResponse<String>> responses = new ArrayList<>();
      for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
        responses.add(future.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static long count(String sql) throws Exception {
    return TestDatabase.count(engine.settings().database(), sql);
  }
}
