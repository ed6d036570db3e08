package io.simbundle.provisioning.channels.web;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.charging.store.UsageRecord;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole story in a real browser: a presale order placed through the API and paid, then
 * activated by its buyer on the mobile page — a refused choice first, then a valid one — and the
 * subscription's WeChat traffic zero-rated on Gy.
 */
@EngineTest
class ActivationPageTest {

  private static final long MB = 1024 * 1024;
  private static TestEngine engine;
  private static Presale presale;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    engine = TestEngine.start("activation_page");
    presale = new Presale(engine);
    presale.stock("GD", 50_000, 5);
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    engine.close();
  }

  private static WebElement privilege(ChromeDriver page, String code) {
    return page.findElement(By.cssSelector("#privileges input[value='" + code + "']"));
  }

  @Test
  void buyerActivatesAPresaleCardOnThePageAndWeChatTrafficIsFree() throws Exception {
    String idNumber = Presale.newIdNumber("19910215");
    JsonNode order =
        presale.placeAccepted(
            Presale.order(
                "yixun-page-1",
                idNumber,
                "wechat-wo",
                "{\"type\": \"deposit\"}",
                ", \"campaign\": {\"id\": \"yixun-wechat-wo-presale\"}"));
    presale.pay(order.path("id").asText(), 5000);
    assertThat(
            read(presale.pay(order.path("id").asText(), 5000))
                .path("productOrder")
                .path("state")
                .asText())
        .as("the deposit, then the rest")
        .isEqualTo("inProgress");
    String msisdn = order.path("productOrderItem").get(0).path("product").path("msisdn").asText();

    ChromeDriver page = browser.driver();
    page.get(engine.uri("/activate").toString());
    page.findElement(By.id("card-code")).sendKeys(order.path("id").asText());
    page.findElement(By.id("find-card")).click();
    browser
        .waiting()
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("step-privileges")));
    assertThat(page.findElement(By.id("product-name")).getText()).contains("WeChat Wo");
    assertThat(page.findElement(By.id("menu-limits")).getText()).contains("Choose 1 to 3");
    page.findElement(By.id("holder-name")).sendKeys("张三");
    page.findElement(By.id("holder-id")).sendKeys(idNumber);

    privilege(page, "free-music").click();
    privilege(page, "hd-movies").click();
    browser
        .waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#selection-reasons li[data-code='PRIVILEGES_EXCLUSIVE']")));
    page.executeScript("document.getElementById('selection-status').scrollIntoView()");
    Screenshot refused =
        browser.screenshot("activation-refused-choice", "selection-reasons", "activate");
    assertThat(page.findElement(By.id("activate")).isEnabled()).isFalse();
    assertThat(page.findElement(By.id("selection-reasons")).getText())
        .contains("cannot be chosen together");

    privilege(page, "hd-movies").click();
    privilege(page, "wechat-free-traffic").click();
    privilege(page, "group-chat-60").click();
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("activate")));
    assertThat(page.findElements(By.cssSelector("#selection-reasons li"))).isEmpty();
    page.findElement(By.id("activate")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription")));
    page.executeScript("document.getElementById('subscription').scrollIntoView()");
    Screenshot done =
        browser.screenshot("activation-subscription", "sub-msisdn", "sub-status", "sub-privileges");

    assertThat(page.findElement(By.id("sub-msisdn")).getText()).isEqualTo(msisdn);
    assertThat(page.findElement(By.id("sub-status")).getText()).contains("active");
    assertThat(page.findElement(By.id("sub-privileges")).getText())
        .contains("Free WeChat traffic", "Free music downloads", "Bigger group chats");
    assertThat(page.findElement(By.id("sub-gifts")).getText()).contains("500 MB");
    assertThat(page.findElement(By.id("sub-zero-rated")).getText())
        .contains("Free WeChat traffic", "1000", "1002");
    assertThat(page.getCurrentUrl()).doesNotContain(idNumber);
    assertThat(refused.text("selection-reasons")).contains("cannot be chosen together");
    assertThat(refused.drawn("selection-reasons")).as("the refusal is on screen").isTrue();
    assertThat(refused.drawn("activate")).as("the disabled button is on screen").isTrue();
    assertThat(done.text("sub-msisdn")).isEqualTo(msisdn);
    assertThat(done.text("sub-status")).contains("active");
    assertThat(done.drawn("sub-msisdn")).as("the number is on screen").isTrue();
    assertThat(done.drawn("sub-status")).as("the status is on screen").isTrue();

    assertThat(presale.browse(msisdn, 1000, 2 * MB)).isEqualTo(2001);
    assertThat(engine.engine().charging().usage(msisdn))
        .extracting(UsageRecord::ratingGroup, UsageRecord::paidByKind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1000L, "ZERO_RATED"));
  }

  @Test
  void anUnknownCodeIsExplainedOnThePage() {
    ChromeDriver page = browser.driver();
    page.get(engine.uri("/activate").toString());
    page.findElement(By.id("card-code")).sendKeys("NOSUCHCODE77");
    page.findElement(By.id("find-card")).click();

    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));

    assertThat(page.findElement(By.id("error")).getText())
        .contains("no order or card NOSUCHCODE77");
    assertThat(page.findElement(By.id("step-privileges")).isDisplayed()).isFalse();
  }
}
