package io.simbundle.rules.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** Rule files that do not compile; the rule set in force stays. */
public final class InvalidRulesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<RuleProblem> problems;

  public InvalidRulesException(List<RuleProblem> problems) {
    super(
        "rule files do not compile:\n  "
            + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
