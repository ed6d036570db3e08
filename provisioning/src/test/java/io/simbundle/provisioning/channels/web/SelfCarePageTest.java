package io.simbundle.provisioning.channels.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.channels.sms.EngineWithSmsc;
import io.simbundle.provisioning.channels.sms.SmsText;
import io.simbundle.provisioning.channels.sms.TestSmsc;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The self-care page in a real browser: a subscriber signs in with the code a real SMPP server
 * received for them, sees the plan, balances, free traffic and why each use was free or charged,
 * and changes privileges from the next month.
 */
@EngineTest
class SelfCarePageTest {

  private static final long MB = 1024 * 1024;
  private static EngineWithSmsc sms;
  private static TestEngine engine;
  private static Presale presale;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    sms = EngineWithSmsc.start("self_care_page", "zh", 53_000, 3);
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

  private static String codeSentTo(String msisdn) {
    String code = sms.codeSentTo(msisdn);
    List<TestSmsc.Submitted> texts =
        sms.smsc.submitted().stream().filter(s -> s.destination().equals(msisdn)).toList();
    assertThat(SmsText.joined(List.of(texts.get(texts.size() - 1).part())))
        .as("the subscriber's language")
        .startsWith("您的自助服务验证码是" + code);
    return code;
  }

  @Test
  void aSubscriberSignsInWithAnSmsCodeSeesTheCardAndChangesPrivileges() throws Exception {
    String msisdn = sms.activated("19930303", "wechat-free-traffic", "group-chat-60").msisdn();
    presale.browse(msisdn, 1000, 40 * MB);

    ChromeDriver page = browser.driver();
    page.get(engine.uri("/my").toString());
    page.findElement(By.id("number")).sendKeys(msisdn);
    page.findElement(By.id("send-code")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("code-step")));
    page.findElement(By.id("code")).sendKeys(codeSentTo(msisdn));
    page.findElement(By.id("verify")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("account")));
    Screenshot signedIn =
        browser.screenshot("self-care-signed-in", "plan-name", "msisdn", "meter-data", "meters");
    page.executeScript("document.getElementById('usage').scrollIntoView()");
    Screenshot usage = browser.screenshot("self-care-usage", "usage");
    Cookie session = page.manage().getCookieNamed("simbundle_my");

    page.findElement(By.cssSelector("#menu input[value='group-chat-60']")).click();
    page.findElement(By.cssSelector("#menu input[value='free-emoticons']")).click();
    page.findElement(By.id("change")).click();
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("pending")));
    page.executeScript("document.getElementById('notice').scrollIntoView()");
    Screenshot changed = browser.screenshot("self-care-changed", "notice", "pending");

    assertThat(signedIn.text("plan-name")).contains("WeChat Wo");
    assertThat(signedIn.text("msisdn")).isEqualTo(msisdn);
    assertThat(signedIn.text("meter-data")).contains("套餐流量 · Data", "500 MB");
    assertThat(signedIn.drawn("plan-name")).as("the plan is on screen").isTrue();
    assertThat(signedIn.drawn("meter-data")).as("the data meter is on screen").isTrue();
    assertThat(page.findElement(By.id("free-traffic")).getText())
        .contains("Free WeChat traffic", "40 MB", "3.0 GB");
    assertThat(usage.text("usage")).contains("zero-rated by the privilege wechat-free-traffic");
    assertThat(usage.drawn("usage")).as("the usage with its reasons is on screen").isTrue();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    assertThat(changed.text("notice")).contains("下个计费周期生效");
    assertThat(changed.text("pending")).contains("Free emoticons").doesNotContain("group chats");
    assertThat(changed.drawn("notice")).isTrue();
    assertThat(page.getCurrentUrl()).doesNotContain(msisdn);
  }
}
