package io.simbundle.rules.decision;

import java.util.List;
import java.util.Objects;

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

  public List<String> reasonCodes() {
    return reasons.stream().map(Reason::code).toList();
  }
}
