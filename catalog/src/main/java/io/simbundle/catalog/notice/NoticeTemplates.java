package io.simbundle.catalog.notice;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of what subscribers are told — usage alerts, gifts about to expire — in Chinese and
 * English, from a catalog file's {@code notices}: each kind has a {@code zh} and an {@code en}
 * template whose {@code {placeholders}} are among those the kind offers. A catalog that leaves a
 * kind out gets the engine's own words for it.
 *
 * @param templates by kind
 */
public record NoticeTemplates(Map<String, Template> templates) {

  /** One kind's words. */
  public record Template(String zh, String en) {
    public Template {
      Objects.requireNonNull(zh);
      Objects.requireNonNull(en);
    }

    public String in(String language) {
      return language.equals("zh") ? zh : en;
    }
  }

  /** The kinds, each with the placeholders its templates may use. */
  public static final Map<String, Set<String>> KINDS =
      Map.of(
          "usage.threshold.DATA", Set.of("percent", "used", "limit"),
          "usage.threshold.FREE_TRAFFIC", Set.of("percent", "used", "limit", "privilege"),
          "usage.threshold.SMS", Set.of("percent", "used", "limit"),
          "usage.threshold.VOICE", Set.of("percent", "used", "limit"),
          "gift.expiring", Set.of("gift", "left", "date"));

  /** A {placeholder} in a template. */
  public static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private static final NoticeTemplates DEFAULTS =
      new NoticeTemplates(
          Map.of(
              "usage.threshold.DATA",
              new Template(
                  "您本月套餐流量已用{percent}%（{used}/{limit}）。",
                  "You have used {percent}% of this month's data ({used} of {limit})."),
              "usage.threshold.FREE_TRAFFIC",
              new Template(
                  "您的免流量特权“{privilege}”本月已用{percent}%（{used}/{limit}），超出部分计入套餐流量。",
                  "Your free-traffic privilege {privilege} is {percent}% used this month ({used}"
                      + " of {limit}); beyond it, traffic counts against your data."),
              "usage.threshold.SMS",
              new Template(
                  "您本月套餐短信已用{percent}%（{used}/{limit}）。",
                  "You have used {percent}% of this month's SMS ({used} of {limit})."),
              "usage.threshold.VOICE",
              new Template(
                  "您本月套餐通话已用{percent}%（{used}/{limit}）。",
                  "You have used {percent}% of this month's minutes ({used} of {limit})."),
              "gift.expiring",
              new Template(
                  "您的赠送流量“{gift}”还剩{left}，将于{date}到期，请尽快使用。",
                  "Your gift {gift} has {left} left and expires on {date}.")));

  public NoticeTemplates {
    templates = Map.copyOf(templates);
  }

  /** The engine's own words for every kind. */
  public static NoticeTemplates defaults() {
    return DEFAULTS;
  }

  /** None of a catalog's own: every kind in the engine's words. */
  public static NoticeTemplates none() {
    return new NoticeTemplates(Map.of());
  }

  /**
   * The text of {@code kind} in {@code language} with the values put in; the catalog's template
   * when it has one, else the engine's; empty for a kind that is not a notice.
   */
  public Optional<String> render(String kind, String language, Map<String, String> values) {
    Template template = templates.getOrDefault(kind, DEFAULTS.templates.get(kind));
    if (template == null) {
      return Optional.empty();
    }
    Matcher placeholder = PLACEHOLDER.matcher(template.in(language));
    StringBuilder text = new StringBuilder();
    while (placeholder.find()) {
      placeholder.appendReplacement(
          text, Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), "")));
    }
    placeholder.appendTail(text);
    return Optional.of(text.toString());
  }

  /** The catalog's own templates as stored: kind → {zh, en}, sorted. */
  public Map<String, Map<String, String>> asMap() {
    Map<String, Map<String, String>> map = new TreeMap<>();
    templates.forEach(
        (kind, t) -> {
          Map<String, String> words = new LinkedHashMap<>();
          words.put("zh", t.zh());
          words.put("en", t.en());
          map.put(kind, words);
        });
    return map;
  }
}
