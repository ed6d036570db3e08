package io.simbundle.rules.decision;

import io.simbundle.rules.ruleset.RuleSet;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.StatelessKieSession;

/** Runs one decision: the facts go into a fresh stateless session of one rule set. */
public final class DecisionRunner {

  private DecisionRunner() {}

  public static Decision run(RuleSet ruleSet, List<Object> facts) {
    Verdict verdict = new Verdict();
    StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
    session.setGlobal("verdict", verdict);
    session.addEventListener(
        new DefaultAgendaEventListener() {
          @Override
          public void afterMatchFired(AfterMatchFiredEvent event) {
            verdict.fired(event.getMatch().getRule().getName());
          }
        });
    session.execute(facts);
    return verdict.decide(ruleSet.version());
  }
}
