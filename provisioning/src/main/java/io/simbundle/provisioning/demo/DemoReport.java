package io.simbundle.provisioning.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/** What the operator reads after the story: balances, usage with why, the month's settlement. */
final class DemoReport {

  private final EngineClient engine;
  private final Clock clock;
  private final PrintStream out;

  DemoReport(EngineClient engine, Clock clock, PrintStream out) {
    this.engine = engine;
    this.clock = clock;
    this.out = out;
  }

  long giftsLeft(String msisdn) {
    long left = 0;
    for (JsonNode gift : engine.get("/api/v1/charging/balance/" + msisdn).path("giftsLeftBytes")) {
      left += gift.asLong();
    }
    return left;
  }

  JsonNode balances(String weChat, String yixin) {
    out.println();
    JsonNode balance = engine.get("/api/v1/charging/balance/" + weChat);
    step(
        "Balance " + weChat,
        "allowance %d of %d MB used, WeChat free traffic used %s MB, SMS %d of %d left,"
            + " minutes %d of %d left",
        balance.path("allowanceUsedBytes").asLong() / GyTraffic.MB,
        balance.path("allowanceBytes").asLong() / GyTraffic.MB,
        balance.path("zeroRatedUsedBytes").path("wechat-free-traffic").asLong() / GyTraffic.MB,
        balance.path("smsLeft").asLong(),
        balance.path("smsPerCycle").asLong(),
        balance.path("voiceSecondsLeft").asLong() / 60,
        balance.path("voiceSecondsPerCycle").asLong() / 60);
    JsonNode yixinBalance = engine.get("/api/v1/charging/balance/" + yixin);
    step(
        "Balance " + yixin,
        "allowance %d of %d MB used, Yixin gift left %d MB",
        yixinBalance.path("allowanceUsedBytes").asLong() / GyTraffic.MB,
        yixinBalance.path("allowanceBytes").asLong() / GyTraffic.MB,
        yixinBalance.path("giftsLeftBytes").path("yixin-monthly-gift").asLong() / GyTraffic.MB);
    return balance;
  }

  /** Prints the usage records; returns the answer to "why was the video call charged?". */
  String usage(String weChat, String yixin) {
    String whyVideo = "";
    for (String msisdn : List.of(weChat, yixin)) {
      for (JsonNode record : engine.get("/api/v1/charging/usage/" + msisdn)) {
        step(
            "Usage " + msisdn,
            "%s %s",
            record.path("day").asText(),
            amount(record) + ", " + record.path("why").asText());
        if (record.path("ratingGroup").asLong() == GyTraffic.WECHAT_VIDEO
            && "EXCLUSION".equals(record.path("basis").asText())) {
          whyVideo = record.path("why").asText();
        }
      }
    }
    step("Why was the video call charged?", "%s", whyVideo);
    return whyVideo;
  }

  /** What a usage record counts, in the unit people read: MB, minutes or SMS. */
  private static String amount(JsonNode record) {
    long units = record.path("units").asLong();
    return switch (record.path("service").asText()) {
      case "VOICE" -> "a call, %d min".formatted(units / 60);
      case "SMS" -> units + " SMS";
      default ->
          "rating group %d: %d MB"
              .formatted(record.path("ratingGroup").asLong(), units / GyTraffic.MB);
    };
  }

  long settlement() {
    YearMonth month = YearMonth.now(clock.withZone(DemoStory.BEIJING));
    JsonNode settlement = engine.get("/api/v1/charging/settlement/" + month);
    long tencentFen = 0;
    for (JsonNode partner : settlement.path("partners")) {
      long minutes = partner.path("sponsoredSeconds").asLong() / 60;
      step(
          "Settlement " + month,
          "%s owes %s yuan for %s through %s",
          partner.path("partner").asText(),
          yuan(partner.path("amountFen").asLong()),
          minutes > 0
              ? minutes + " sponsored minutes"
              : partner.path("sponsoredGb").asText() + " GB",
          partner.path("privilege").asText());
      if ("tencent".equals(partner.path("partner").asText())) {
        tencentFen += partner.path("amountFen").asLong();
      }
    }
    return tencentFen;
  }

  /** Prints one step of the story, aligned. */
  static void step(PrintStream out, String what, String format, Object... args) {
    out.printf("  %-22s %s%n", what + ":", format.formatted(args));
  }

  static String yuan(long fen) {
    return "%d.%02d".formatted(fen / 100, fen % 100);
  }

  private void step(String what, String format, Object... args) {
    step(out, what, format, args);
  }
}
