package io.simbundle.provisioning.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.channels.sms.EngineWithSmsc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Where the engine sends SMS, the activation page asks for the code sent to the card's number after
 * the real-name details: refused without it, activated with it, in a real browser.
 */
@EngineTest
class ActivationWithCodePageTest {

  private static EngineWithSmsc sms;
  private static TestEngine engine;
  private static Presale presale;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    sms = EngineWithSmsc.start("activation_code_page", "zh", 55_000, 2);
    engine = sms.engine;
    presale = sms.presale;
    browser = Browser.start();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    sms.close();
  }

  @Test
  void theBuyerActivatesWithTheCodeSentToTheCardsNumber() throws Exception {
    String idNumber = Presale.newIdNumber("19960606");
    JsonNode order = presale.paidWeChatWoOrder(idNumber);
    String msisdn = order.path("productOrderItem").get(0).path("product").path("msisdn").asText();

    ChromeDriver page = browser.driver();
    page.get(engine.uri("/activate").toString());
    page.findElement(By.id("card-code")).sendKeys(order.path("id").asText());
    page.findElement(By.id("find-card")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("code-box")));
    page.findElement(By.id("holder-name")).sendKeys("张三");
    page.findElement(By.id("holder-id")).sendKeys(idNumber);
    page.findElement(By.cssSelector("#privileges input[value='wechat-free-traffic']")).click();
    browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("activate")));
    page.findElement(By.id("activate")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
    String refused = page.findElement(By.id("error")).getText();

    page.findElement(By.id("send-code")).click();
    browser
        .waiting()
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-status"), "5"));
    page.findElement(By.id("activation-code")).sendKeys(sms.codeSentTo(msisdn));
    page.executeScript("document.getElementById('code-box').scrollIntoView()");
    Screenshot asked =
        browser.screenshot("activation-code-asked", "code-status", "activation-code");
    page.findElement(By.id("activate")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("subscription")));

    assertThat(refused).contains("a code sent to the number is required");
    assertThat(asked.text("code-status")).contains("验证码已发送");
    assertThat(asked.drawn("activation-code")).as("the code field is on screen").isTrue();
    assertThat(page.findElement(By.id("sub-msisdn")).getText()).isEqualTo(msisdn);
    assertThat(page.findElement(By.id("sub-status")).getText()).contains("active");
  }
}
