package io.simbundle.provisioning.subscription;

import java.util.List;
import java.util.Objects;

/**
 * The gifts the rules grant a subscription, and the rule-set version that granted them.
 *
 * @param gifts the gifts, each with when it was granted
 * @param ruleSetVersion the rule set that decided
 */
record GrantedGifts(List<HeldGift> gifts, String ruleSetVersion) {
  GrantedGifts {
    gifts = List.copyOf(gifts);
    Objects.requireNonNull(ruleSetVersion);
  }
}
