package io.simbundle.provisioning.channels.http;

import io.simbundle.rules.decision.GrantedGift;
import java.util.LinkedHashMap;
import java.util.Map;

/** A gift the rules grant, as every response shows it. */
public final class Gifts {

  private Gifts() {}

  public static Map<String, Object> json(GrantedGift gift) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("code", gift.code());
    json.put("megabytes", gift.megabytes());
    json.put("recurrence", gift.recurrence().name());
    json.put("validityDays", gift.validityDays());
    json.put("ratingGroups", gift.ratingGroups().stream().sorted().toList());
    json.put("reasonCode", gift.reasonCode());
    return json;
  }
}
