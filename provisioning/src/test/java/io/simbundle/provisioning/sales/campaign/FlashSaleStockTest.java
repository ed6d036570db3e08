package io.simbundle.provisioning.sales.campaign;

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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A burst of orders on a presale with little stock: never oversold, no buyer over the limit,
 * everyone else told why, and cancelled units back on sale.
 */
@EngineTest
class FlashSaleStockTest {

  private static final int STOCK = 30;
  private static final String CAMPAIGN = ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}";
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    engine =
        TestEngine.start(
            TestDatabase.newSchemaSettings("flash_sale"),
            Optional.of(Presale.flashSaleCatalog(STOCK)));
    presale = new Presale(engine);
    presale.stock("GD", 90_000, 200);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static String order(String externalId, String idNumber) {
    return Presale.order(externalId, idNumber, "wechat-wo", "{\"type\": \"deposit\"}", CAMPAIGN);
  }

  @Test
  void aBurstNeverOversellsNorLetsABuyerPastTheLimit() throws Exception {
    List<Callable<HttpResponse<String>>> burst = new ArrayList<>();
    List<String> buyers = new ArrayList<>();
    for (int b = 0; b < 60; b++) {
      buyers.add(Presale.newIdNumber("19950505"));
    }
    for (int attempt = 0; attempt < 2; attempt++) {
      for (int b = 0; b < buyers.size(); b++) {
        String body = order("flash-" + attempt + "-" + b, buyers.get(b));
        burst.add(() -> presale.place(body));
      }
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(24);
    try {
      for (Future<HttpResponse<String>> f : pool.invokeAll(burst)) {
        responses.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    Set<String> winners = new HashSet<>();
    int accepted = 0;
    for (HttpResponse<String> response : responses) {
      JsonNode body = read(response);
      if (response.statusCode() == 201) {
        accepted++;
        winners.add(body.path("buyer").path("idNumber").asText());
      } else {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(body.path("reasons").findValuesAsText("code"))
            .isNotEmpty()
            .allMatch(code -> code.equals("SOLD_OUT") || code.equals("BUYER_LIMIT_REACHED"));
      }
    }
    assertThat(accepted).isEqualTo(STOCK);
    assertThat(winners).hasSize(STOCK);
    assertThat(count("SELECT SUM(remaining) FROM campaign_stock_slice")).isZero();
    assertThat(count("SELECT SUM(orders) FROM campaign_buyer")).isEqualTo(STOCK);
    assertThat(
            count(
                "SELECT COUNT(*) FROM product_order WHERE state = 'acknowledged'"
                    + " AND campaign_code = 'yixun-wechat-wo-presale'"))
        .isEqualTo(STOCK);

    JsonNode someone = read(engine.adminGet(Presale.ORDERS + "?state=acknowledged&limit=1")).get(0);
    presale.cancel(someone.path("id").asText(), "changed mind");
    HttpResponse<String> late = presale.place(order("flash-late", Presale.newIdNumber("19950505")));
    HttpResponse<String> later =
        presale.place(order("flash-later", Presale.newIdNumber("19950505")));
    assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
    assertThat(later.statusCode()).isEqualTo(422);
  }

  private static long count(String sql) throws Exception {
    return TestDatabase.count(engine.settings().database(), sql);
  }
}
