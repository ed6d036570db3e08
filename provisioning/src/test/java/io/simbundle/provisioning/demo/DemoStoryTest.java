package io.simbundle.provisioning.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.app.TestEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The demo tells the whole story against a running engine, and the figures it prints add up. */
@EngineTest
class DemoStoryTest {

  private static final long GB = 1024L * 1024L * 1024L;
  private static final long WECHAT_WO_ALLOWANCE = 500L * 1024 * 1024;
  private static final long MAX_GRANT = 10L * 1024 * 1024;

  @Test
  void demoDrivesACardFromPresaleToSettlement() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (TestEngine engine = TestEngine.start("demo_story")) {
      DemoFigures figures =
          DemoStory.run(
              engine.settings(),
              TestEngine.ADMIN,
              TestEngine.CLOCK,
              new PrintStream(printed, true, StandardCharsets.UTF_8));
      String story = printed.toString(StandardCharsets.UTF_8);
      System.out.print(story);

      assertThat(story)
          .contains("a 50.00-yuan deposit now")
          .contains("order.pending received, signature checked")
          .contains("order.refunded received, signature checked")
          .contains("order.shipped received, signature checked")
          .contains("privileges [\"wechat-free-traffic\",\"group-chat-60\",\"free-emoticons\"]")
          .contains("Final-Unit-Indication TERMINATE");
      assertThat(figures.refundedFen()).as("the other buyer's deposit").isEqualTo(5000);
      assertThat(story)
          .containsPattern(
              "Family order: +2 yixin-card in one web order \\w{12}: card \\w{12}-1 for"
                  + " the buyer, card \\w{12}-2 for her daughter 张\\*\\*");
      assertThat(figures.familyMsisdns())
          .as("each card of the family's order activated by its own holder")
          .hasSize(2)
          .doesNotHaveDuplicates()
          .doesNotContain(figures.weChatMsisdn(), figures.yixinMsisdn());
      GyTraffic.Figures traffic = figures.traffic();
      assertThat(traffic.weChatBytes()).isPositive();
      assertThat(traffic.videoBytes()).isPositive();
      assertThat(traffic.yixinBytes()).isPositive();
      // The buyer is new to the operator (500 MB welcome gift) and among the first presale buyers
      // (1 GB bonus).
      assertThat(traffic.giftBytes()).isEqualTo(1524L * 1024 * 1024);
      // The gifts went first; the video call and the rest of the default traffic came out of the
      // allowance, down to the last grant (less the video-call quota still held at that moment).
      assertThat(traffic.finalUnitAction()).isZero();
      long allowanceUsed = figures.weChatBalance().path("allowanceUsedBytes").asLong();
      assertThat(allowanceUsed)
          .as("one allowance for both cores")
          .isEqualTo(
              traffic.videoBytes()
                  + traffic.defaultBytes()
                  + figures.fiveG().orElseThrow().defaultBytes())
          .isGreaterThan(WECHAT_WO_ALLOWANCE - 2 * MAX_GRANT)
          .isLessThanOrEqualTo(WECHAT_WO_ALLOWANCE);
      ChfTraffic.Figures fiveG = figures.fiveG().orElseThrow();
      assertThat(fiveG.weChatBytes()).as("WeChat on 5G").isPositive();
      assertThat(fiveG.finalUnits()).as("what 4G left of the allowance, and no more").isTrue();
      BackOnFourG.Figures back = figures.backOnFourG().orElseThrow();
      assertThat(back.weChatBytes()).as("WeChat back on 4G").isPositive();
      assertThat(back.defaultResultCode())
          .as("the allowance the SMF spent is not granted again to the PGW")
          .isEqualTo(BackOnFourG.CREDIT_LIMIT_REACHED);
      assertThat(
              figures
                  .weChatBalance()
                  .path("zeroRatedUsedBytes")
                  .path("wechat-free-traffic")
                  .asLong())
          .as("one free-traffic meter for both cores")
          .isEqualTo(traffic.weChatBytes() + fiveG.weChatBytes() + back.weChatBytes());
      assertThat(figures.whyVideoCharged())
          .as("the reason stored when the call was charged, with the versions it was decided under")
          .startsWith(
              "charged to the plan's allowance: the privilege wechat-free-traffic zero-rates the"
                  + " partner's app but not rating group 1001 (catalog ");
      long expectedFen =
          BigDecimal.valueOf(traffic.weChatBytes() + fiveG.weChatBytes() + back.weChatBytes())
              .multiply(BigDecimal.valueOf(2000))
              .divide(BigDecimal.valueOf(GB), 0, RoundingMode.HALF_UP)
              .longValueExact();
      assertThat(figures.tencentSettlementFen()).isEqualTo(expectedFen);
      assertThat(story).contains("tencent owes");
      assertThat(story)
          .as("the Yixin call's three started minutes, at NetEase's 6 fen a minute")
          .contains("netease owes 0.18 yuan for 3 sponsored minutes through yixin-free-calls");
      assertThat(traffic.smsSent()).isEqualTo(1);
      assertThat(figures.weChatBalance().path("smsLeft").asLong())
          .as("the plan's 50 SMS less the one delivered")
          .isEqualTo(49);
      assertThat(traffic.callSeconds()).isEqualTo(95);
      assertThat(figures.weChatBalance().path("voiceSecondsLeft").asLong())
          .as("100 minutes less two started ones")
          .isEqualTo(98 * 60);
    }
  }

  @Test
  void afterThePresaleTheStoryGoesOnWithAWebShopOrder() {
    Clock afterThePresale = Clock.fixed(Instant.parse("2027-02-15T08:00:00Z"), ZoneOffset.UTC);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (TestEngine engine = TestEngine.start("demo_after_presale", afterThePresale)) {
      DemoFigures figures =
          DemoStory.run(
              engine.settings(),
              TestEngine.ADMIN,
              afterThePresale,
              new PrintStream(printed, true, StandardCharsets.UTF_8));
      String story = printed.toString(StandardCharsets.UTF_8);

      assertThat(story)
          .contains("yixun-wechat-wo-presale is not on sale at this date")
          .contains("wechat-wo ordered on the web shop")
          .contains("the back office refunds 59.00 yuan")
          .contains("Settlement 2027-02")
          .contains("The story is told.");
      // No presale bonus this time: only the welcome gift goes before the allowance.
      assertThat(figures.traffic().giftBytes()).isEqualTo(500L * 1024 * 1024);
      assertThat(figures.tencentSettlementFen()).isPositive();
    }
  }
}
