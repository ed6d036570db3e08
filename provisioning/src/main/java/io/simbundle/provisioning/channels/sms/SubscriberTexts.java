package io.simbundle.provisioning.channels.sms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * The words of the SMS a subscriber gets for an outbox message, in Chinese or English: self-care
 * sign-in, activation and privilege-change codes ({@code code.*}), gifts about to expire ({@code
 * gift.expiring}) and the usage alerts ({@code usage.threshold}: 80 % and 100 % of the data
 * allowance, a free-traffic cap, the SMS or the minutes). Amounts are written as people read them:
 * MB or GB, SMS, minutes.
 */
public final class SubscriberTexts {

  private static final long MB = 1024L * 1024L;

  /**
   * Per meter, the Chinese and the English text; {0} percent, {1} used, {2} limit, {3} privilege.
   */
  private static final Map<String, String[]> USAGE =
      Map.of(
          "DATA",
          new String[] {
            "您本月套餐流量已用{0}%（{1}/{2}）。", "You have used {0}% of this month's data ({1} of {2})."
          },
          "FREE_TRAFFIC",
          new String[] {
            "您的免流量特权“{3}”本月已用{0}%（{1}/{2}），超出部分计入套餐流量。",
            "Your free-traffic privilege {3} is {0}% used this month ({1} of {2}); beyond it, traffic"
                + " counts against your data."
          },
          "SMS",
          new String[] {
            "您本月套餐短信已用{0}%（{1}/{2}）。", "You have used {0}% of this month's SMS ({1} of {2})."
          },
          "VOICE",
          new String[] {
            "您本月套餐通话已用{0}%（{1}/{2}）。", "You have used {0}% of this month's minutes ({1} of {2})."
          });

  private SubscriberTexts() {}

  /**
   * The text of a message of {@code kind} with {@code payload}, in {@code language} ({@code zh} or
   * {@code en}); empty for a kind subscribers are not texted about.
   */
  public static Optional<String> render(String kind, JsonNode payload, String language) {
    boolean zh = language.equals("zh");
    if (kind.startsWith("code.")) {
      String code = payload.path("code").asText();
      String minutes = payload.path("validMinutes").asText("5");
      String[] what =
          switch (kind) {
            case "code.activation" -> new String[] {"激活验证码", "activation code"};
            case "code.privilege-change" -> new String[] {"更换特权验证码", "code to change privileges"};
            default -> new String[] {"自助服务验证码", "self-care code"};
          };
      return Optional.of(
          zh
              ? "您的" + what[0] + "是" + code + "，" + minutes + "分钟内有效。请勿告诉他人。"
              : "Your "
                  + what[1]
                  + " is "
                  + code
                  + ", valid for "
                  + minutes
                  + " minutes. Do not share it.");
    }
    if (kind.equals("gift.expiring")) {
      String gift = payload.path("gift").asText();
      String left = amount("DATA", payload.path("leftBytes").asLong(), zh);
      String day = payload.path("expiresAt").asText().substring(0, 10);
      return Optional.of(
          zh
              ? "您的赠送流量“" + gift + "”还剩" + left + "，将于" + day + "到期，请尽快使用。"
              : "Your gift " + gift + " has " + left + " left and expires on " + day + ".");
    }
    if (!kind.equals("usage.threshold")) {
      return Optional.empty();
    }
    String meter = payload.path("meter").asText();
    String[] texts = USAGE.get(meter);
    if (texts == null) {
      return Optional.empty();
    }
    return Optional.of(
        (zh ? texts[0] : texts[1])
            .replace("{0}", payload.path("percent").asText())
            .replace("{1}", amount(meter, payload.path("used").asLong(), zh))
            .replace("{2}", amount(meter, payload.path("limit").asLong(), zh))
            .replace("{3}", payload.path("privilege").asText("")));
  }

  private static String amount(String meter, long value, boolean zh) {
    return switch (meter) {
      case "SMS" -> value + (zh ? "条" : " SMS");
      case "VOICE" -> (value + 59) / 60 + (zh ? "分钟" : " min");
      default ->
          value >= 1024 * MB && value % (1024 * MB) == 0
              ? value / (1024 * MB) + " GB"
              : Math.round(value / (double) MB) + " MB";
    };
  }
}
