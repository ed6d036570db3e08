package io.simbundle.provisioning.channels.sms;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.catalog.notice.NoticeTemplates;
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

  private SubscriberTexts() {}

  /**
   * The text of a message of {@code kind} with {@code payload}, in {@code language} ({@code zh} or
   * {@code en}): usage alerts and gifts about to expire in the catalog's words ({@code templates}),
   * codes in the engine's own; empty for a kind subscribers are not texted about.
   */
  public static Optional<String> render(
      String kind, JsonNode payload, String language, NoticeTemplates templates) {
    boolean zh = language.equals("zh");
    if (kind.startsWith("code.")) {
      return Optional.of(code(kind, payload, zh));
    }
    if (kind.equals("gift.expiring")) {
      return templates.render(
          kind,
          language,
          Map.of(
              "gift", payload.path("gift").asText(),
              "left", amount("DATA", payload.path("leftBytes").asLong(), zh),
              "date", payload.path("expiresAt").asText().substring(0, 10)));
    }
    if (!kind.equals("usage.threshold")) {
      return Optional.empty();
    }
    String meter = payload.path("meter").asText();
    return templates.render(
        kind + "." + meter,
        language,
        Map.of(
            "percent", payload.path("percent").asText(),
            "used", amount(meter, payload.path("used").asLong(), zh),
            "limit", amount(meter, payload.path("limit").asLong(), zh),
            "privilege", payload.path("privilege").asText("")));
  }

  /** A code's text: the engine's words, never a catalog's, since it is a security message. */
  private static String code(String kind, JsonNode payload, boolean zh) {
    String code = payload.path("code").asText();
    String minutes = payload.path("validMinutes").asText("5");
    String[] what =
        switch (kind) {
          case "code.activation" -> new String[] {"激活验证码", "activation code"};
          case "code.privilege-change" -> new String[] {"更换特权验证码", "code to change privileges"};
          default -> new String[] {"自助服务验证码", "self-care code"};
        };
    return zh
        ? "您的" + what[0] + "是" + code + "，" + minutes + "分钟内有效。请勿告诉他人。"
        : "Your "
            + what[1]
            + " is "
            + code
            + ", valid for "
            + minutes
            + " minutes. Do not share it.";
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
