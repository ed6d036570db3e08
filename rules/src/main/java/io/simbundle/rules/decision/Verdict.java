package io.simbundle.rules.decision;

import io.simbundle.catalog.privilege.Recurrence;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the rules of one decision say, collected while they fire. The rule files reach it as the
 * global {@code verdict}: {@code verdict.refuse(...)} records a reason that makes the decision
 * negative, {@code verdict.note(...)} one that does not, {@code verdict.grant(...)} a gift.
 *
 * <p>Not thread-safe: one instance serves exactly one decision.
 */
public final class Verdict {

  private final List<Reason> reasons = new ArrayList<>();
  private final List<GrantedGift> gifts = new ArrayList<>();
  private final Set<String> firedRules = new LinkedHashSet<>();
  private boolean refused;

  /** Records a reason that makes the decision negative. */
  public void refuse(String rule, String code, String message, String messageZh) {
    refused = true;
    reasons.add(new Reason(code, message, messageZh, rule));
  }

  /** Records a reason that explains without refusing, such as an offer that applies. */
  public void note(String rule, String code, String message, String messageZh) {
    reasons.add(new Reason(code, message, messageZh, rule));
  }

  /** Grants free data. */
  public void grant(
      String rule,
      String code,
      long megabytes,
      String recurrence,
      int validityDays,
      Set<Long> ratingGroups,
      String reasonCode,
      String message,
      String messageZh) {
    gifts.add(
        new GrantedGift(
            code,
            megabytes,
            Recurrence.valueOf(recurrence),
            validityDays,
            ratingGroups,
            reasonCode));
    reasons.add(new Reason(reasonCode, message, messageZh, rule));
  }

  void fired(String rule) {
    firedRules.add(rule);
  }

  Decision decide(String ruleSetVersion) {
    return new Decision(!refused, reasons, gifts, List.copyOf(firedRules), ruleSetVersion);
  }
}
