package io.simbundle.rules.ruleset;

import java.util.Objects;

/**
 * One rule file: a DRL file or a CSV decision table.
 *
 * @param name the file's name, which messages about it use
 * @param content its bytes
 */
public record RuleSource(String name, byte[] content) {
  public RuleSource {
    Objects.requireNonNull(name);
    Objects.requireNonNull(content);
    if (!name.endsWith(".drl") && !name.endsWith(".csv")) {
      throw new IllegalArgumentException("a rule file ends in .drl or .csv: " + name);
    }
  }
}
