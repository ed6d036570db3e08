package io.simbundle.provisioning.channels.rest.admin;

import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.rules.ruleset.InvalidRulesException;
import io.simbundle.rules.ruleset.RuleBook;
import io.simbundle.rules.ruleset.RuleProblem;
import io.simbundle.rules.ruleset.RuleSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Operator actions on the rules, behind HTTP Basic authentication: {@code GET /admin/rules} tells
 * the rule-set version in force, {@code POST /admin/rules/reload} compiles the rule files again and
 * puts them in force — or answers 422 with the compiler's messages, leaving the rules in force.
 */
public final class RulesAdminRoutes extends RouteBuilder {

  private final RuleBook rules;
  private final AdminAuthentication authentication;

  public RulesAdminRoutes(RuleBook rules, AdminCredentials credentials) {
    this.rules = rules;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest("/admin/rules")
        .get()
        .id("admin-rules")
        .to("direct:admin-rules")
        .post("/reload")
        .id("admin-rules-reload")
        .to("direct:admin-rules-reload");

    from("direct:admin-rules")
        .process(authentication)
        .process(e -> HttpResponses.json(e, 200, describe(rules.current())));
    from("direct:admin-rules-reload").process(authentication).process(this::reload);
  }

  private void reload(Exchange exchange) {
    try {
      HttpResponses.json(exchange, 200, describe(rules.reload()));
    } catch (InvalidRulesException e) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "invalid-rules",
                  "Rule files rejected",
                  "the rule files do not compile; rule set "
                      + rules.current().version()
                      + " stays in force")
              .with("problems", e.problems().stream().map(RulesAdminRoutes::problem).toList()));
    }
  }

  private static Map<String, Object> describe(RuleSet ruleSet) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", ruleSet.version());
    json.put("loadedAt", ruleSet.loadedAt().toString());
    return json;
  }

  static Map<String, Object> problem(RuleProblem problem) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("file", problem.file());
    json.put("line", problem.line());
    json.put("message", problem.message());
    return json;
  }
}
