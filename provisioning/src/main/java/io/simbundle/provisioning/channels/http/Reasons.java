package io.simbundle.provisioning.channels.http;

import io.simbundle.rules.decision.Reason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rules' reasons as every response shows them: code, English and Chinese label, rule. */
public final class Reasons {

  private Reasons() {}

  public static List<Map<String, String>> json(List<Reason> reasons) {
    return reasons.stream().map(Reasons::json).toList();
  }

  public static Map<String, String> json(Reason reason) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("code", reason.code());
    json.put("label", reason.message());
    json.put("labelZh", reason.messageZh());
    json.put("rule", reason.rule());
    return json;
  }
}
