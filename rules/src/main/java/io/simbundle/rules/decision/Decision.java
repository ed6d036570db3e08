package io.simbundle.rules.decision;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The answer to one question put to the rules.
 *
 * @param approved whether the buyer qualifies, or the choice is valid (gift decisions are always
 *     approved; their content is {@link #gifts()})
 * @param reasons why — for a refusal every reason found, not only the first
 * @param gifts the gifts granted (gift decisions only)
 * @param firedRules the names of the rules that fired, in firing order
 * @param ruleSetVersion the version of the rule set that decided; one decision never mixes two
 */
public record Decision(
    boolean approved,
    List<Reason> reasons,
    List<GrantedGift> gifts,
    List<String> firedRules,
    String ruleSetVersion) {

  public Decision {
    reasons = List.copyOf(reasons);
    gifts = List.copyOf(gifts);
    firedRules = List.copyOf(firedRules);
    Objects.requireNonNull(ruleSetVersion);
  }

  /**
   * This decision and another taken with it (an order's buyer and a holder it names): approved when
   * both are, with the reasons and rules of both, under this decision's rule set version.
   */
  public Decision and(Decision other) {
    return new Decision(
        approved && other.approved,
        Stream.concat(reasons.stream(), other.reasons.stream()).toList(),
        Stream.concat(gifts.stream(), other.gifts.stream()).toList(),
        Stream.concat(firedRules.stream(), other.firedRules.stream()).toList(),
        ruleSetVersion);
  }

  /** The same decision, each reason saying whom it is about, e.g. {@code Card 2's holder: …}. */
  public Decision about(String subject, String subjectZh) {
    return new Decision(
        approved,
        reasons.stream()
            .map(
                r ->
                    new Reason(
                        r.code(),
                        subject + ": " + r.message(),
                        subjectZh + "：" + r.messageZh(),
                        r.rule()))
            .toList(),
        gifts,
        firedRules,
        ruleSetVersion);
  }

  public List<String> reasonCodes() {
    return reasons.stream().map(Reason::code).toList();
  }
}
