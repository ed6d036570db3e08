package io.simbundle.rules.ruleset;

import java.time.Instant;
import java.util.Objects;
import org.kie.api.KieBase;

/**
 * One compiled edition of the rule files. A decision runs against exactly one rule set; a reload
 * builds a new one and swaps it in whole.
 *
 * @param version a label such as {@code r2-4f1c9a07e2b3}: load number and content digest
 * @param kieBase the compiled rules, built once for this version
 * @param loadedAt when it was compiled
 */
public record RuleSet(String version, KieBase kieBase, Instant loadedAt) {
  public RuleSet {
    Objects.requireNonNull(version);
    Objects.requireNonNull(kieBase);
    Objects.requireNonNull(loadedAt);
  }
}
