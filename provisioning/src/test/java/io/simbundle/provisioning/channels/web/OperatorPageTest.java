package io.simbundle.provisioning.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.DemoSubscribers;
import io.simbundle.provisioning.app.TestEngine;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator's page in a real browser: it follows presale orders, the stock they take and the
 * traffic partners sponsor as they happen, from the engine's own metrics.
 */
@EngineTest
class OperatorPageTest {

  private static final String CAMPAIGN = "yixun-wechat-wo-presale";
  private static final int ORDERS = 4;
  private static final long MB = 1024 * 1024;
  private static TestEngine engine;
  private static Presale presale;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start("operator_page");
    presale = new Presale(engine);
    presale.stock("GD", 70_000, ORDERS);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    engine.close();
  }

  @Test
  void pagePlotsPresaleOrdersStockLeftAndZeroRatedTrafficLive() throws Exception {
    ChromeDriver page = browser.driver();
    page.get(engine.uri("/operator?every=500").toString());
    // Metrics read the database at most every 5 s: the page catches up within a few polls.
    WebDriverWait catchingUp = new WebDriverWait(page, Duration.ofSeconds(30));
    // The page redraws its figures every second: an element read while it is replaced is read
    // again.
    catchingUp.ignoring(StaleElementReferenceException.class);
    catchingUp.until(p -> "UP".equals(p.findElement(By.id("health")).getText()));

    for (int i = 0; i < ORDERS; i++) {
      presale.placeAccepted(
          Presale.order(
              "operator-page-" + i,
              Presale.newIdNumber("19930303"),
              "wechat-wo",
              "{\"type\": \"deposit\"}",
              ", \"campaign\": {\"id\": \"" + CAMPAIGN + "\"}"));
    }
    assertThat(presale.browse(DemoSubscribers.WECHAT_WO, 1000, 6 * MB)).isEqualTo(2001);

    catchingUp.until(
        p -> p.findElement(By.id("orders-total")).getText().equals(String.valueOf(ORDERS)));
    catchingUp.until(
        p ->
            p.findElements(By.cssSelector("[data-campaign='" + CAMPAIGN + "']")).stream()
                .anyMatch(e -> e.getText().equals("99,996")));
    catchingUp.until(
        p ->
            p.findElements(By.cssSelector("[data-partner='tencent']")).stream()
                .anyMatch(e -> e.getText().equals("6 MB")));
    for (String chart : new String[] {"orders-chart", "stock-chart", "zero-rated-chart"}) {
      catchingUp.until(
          p -> Integer.parseInt(p.findElement(By.id(chart)).getAttribute("data-points")) > 1);
    }
    Screenshot shot =
        browser.screenshot(
            "operator-page", "health", "orders-total", "orders-chart", "stock-chart");

    Number fastest = (Number) page.executeScript("return Math.max(...rates)");
    assertThat(fastest.doubleValue()).as("orders per second plotted").isPositive();
    assertThat(page.findElement(By.id("peers")).getText()).endsWith("PCEF(s) connected");
    assertThat(page.findElement(By.id("error")).getText()).isEmpty();
    assertThat(shot.text("health")).isEqualTo("UP");
    assertThat(shot.text("orders-total")).isEqualTo(String.valueOf(ORDERS));
    for (String shown : new String[] {"health", "orders-total", "orders-chart", "stock-chart"}) {
      assertThat(shot.drawn(shown)).as("#%s on screen", shown).isTrue();
    }
  }
}
