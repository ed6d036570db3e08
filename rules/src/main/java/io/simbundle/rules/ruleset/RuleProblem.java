package io.simbundle.rules.ruleset;

/**
 * A compiler message about a rule file.
 *
 * @param file the rule file's name
 * @param line the 1-based line, 0 when the compiler gave none
 * @param message what the compiler said
 */
public record RuleProblem(String file, int line, String message) {
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
