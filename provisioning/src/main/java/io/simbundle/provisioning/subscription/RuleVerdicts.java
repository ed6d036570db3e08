package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.rules.decision.Decision;
import java.util.Map;

/** Turns a refusal by the rules into the problem the caller sees, with the rules' reasons. */
final class RuleVerdicts {

  private RuleVerdicts() {}

  /**
   * @throws ProvisioningException {@code type} with the decision's reasons and rule-set version
   *     when the rules did not approve
   */
  static void requireApproved(Decision decision, String type, String message) {
    if (!decision.approved()) {
      throw ProvisioningException.refused(
          type, message, decision.reasons(), Map.of("ruleSetVersion", decision.ruleSetVersion()));
    }
  }
}
