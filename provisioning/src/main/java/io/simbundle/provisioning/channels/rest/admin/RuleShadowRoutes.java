package io.simbundle.provisioning.channels.rest.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.ruleset.InvalidRulesException;
import io.simbundle.rules.ruleset.RuleSet;
import io.simbundle.rules.ruleset.RuleSource;
import io.simbundle.rules.ruleset.RuleSources;
import io.simbundle.rules.shadow.ShadowRuleSet;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Product teams trying a rule change on live traffic before putting it in force (admin):
 *
 * <ul>
 *   <li>{@code POST /admin/rules/shadow}: a candidate — {@code files} (name → content, as in the
 *       rules directory: a file replaces the one of its name) or a {@code directory} on the
 *       engine's host — compiled and run beside the rule set in force on every decision; 422 with
 *       file and line when it does not compile;
 *   <li>{@code GET /admin/rules/shadow}: its report;
 *   <li>{@code POST /admin/rules/shadow/promote}: the candidate in force, as a reload would;
 *   <li>{@code DELETE /admin/rules/shadow}: the candidate dropped.
 * </ul>
 *
 * A shadow runs on the node it was given to; each node of a cluster has its own.
 */
public final class RuleShadowRoutes extends RouteBuilder {

  /** The most a candidate's files may weigh together. */
  private static final int MAX_FILES = 50;

  private final RulesService rules;
  private final AdminAuthentication authentication;

  public RuleShadowRoutes(RulesService rules, AdminCredentials credentials) {
    this.rules = rules;
    this.authentication = new AdminAuthentication(credentials);
  }

  @Override
  public void configure() {
    rest("/admin/rules/shadow")
        .post()
        .id("admin-rules-shadow-start")
        .to("direct:admin-rules-shadow-start")
        .get()
        .id("admin-rules-shadow")
        .to("direct:admin-rules-shadow")
        .post("/promote")
        .id("admin-rules-shadow-promote")
        .to("direct:admin-rules-shadow-promote")
        .delete()
        .id("admin-rules-shadow-discard")
        .to("direct:admin-rules-shadow-discard");
    from("direct:admin-rules-shadow-start").process(authentication).process(this::start);
    from("direct:admin-rules-shadow").process(authentication).process(this::report);
    from("direct:admin-rules-shadow-promote").process(authentication).process(this::promote);
    from("direct:admin-rules-shadow-discard").process(authentication).process(this::discard);
  }

  private void start(Exchange exchange) {
    RequestBodies body = RequestBodies.of(exchange);
    JsonNode files = body.root().path("files");
    String directory = body.root().path("directory").asText("");
    List<RuleSource> candidate = new ArrayList<>();
    if (files.isObject() == !directory.isEmpty()) {
      body.invalid("/files", "give either files (name to content) or a directory");
    } else if (files.isObject()) {
      if (files.size() == 0 || files.size() > MAX_FILES) {
        body.invalid("/files", "1 to " + MAX_FILES + " rule files");
      }
      for (var file : files.properties()) {
        String name = file.getKey();
        if (!name.matches("[A-Za-z0-9._-]{1,64}\\.(drl|csv)") || !file.getValue().isTextual()) {
          body.invalid("/files/" + name, "a .drl or .csv file name with its text");
        } else {
          candidate.add(
              new RuleSource(name, file.getValue().asText().getBytes(StandardCharsets.UTF_8)));
        }
      }
    } else {
      try {
        candidate.addAll(RuleSources.filesIn(Path.of(directory)));
      } catch (UncheckedIOException e) {
        body.invalid("/directory", "not a readable directory of rule files");
      }
    }
    body.requireValid();
    RuleSet compiled;
    try {
      compiled = rules.ruleBook().compileCandidate(candidate);
    } catch (InvalidRulesException e) {
      throw new ProblemException(
          Problem.of(
                  422,
                  "invalid-rules",
                  "Rule files rejected",
                  "the candidate does not compile; nothing runs in the shadow")
              .with("problems", e.problems().stream().map(RulesAdminRoutes::problem).toList()));
    }
    ShadowRuleSet started = rules.shadow(compiled);
    HttpResponses.json(exchange, 201, json(started.report(rules.ruleBook().current().version())));
  }

  private void report(Exchange exchange) {
    ShadowRuleSet shadow =
        rules
            .shadow()
            .orElseThrow(
                () -> new ProblemException(Problem.notFound("no candidate in the shadow")));
    HttpResponses.json(exchange, 200, json(shadow.report(rules.ruleBook().current().version())));
  }

  private void promote(Exchange exchange) {
    if (rules.shadow().isEmpty()) {
      throw new ProblemException(Problem.notFound("no candidate in the shadow"));
    }
    ShadowRuleSet.Report promotedOn = rules.promote();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("version", rules.ruleBook().current().version());
    json.put("promotedOn", json(promotedOn));
    HttpResponses.json(exchange, 200, json);
  }

  private void discard(Exchange exchange) {
    if (!rules.discard()) {
      throw new ProblemException(Problem.notFound("no candidate in the shadow"));
    }
    HttpResponses.json(exchange, 200, Map.of("detail", "the candidate is discarded"));
  }

  private static Map<String, Object> json(ShadowRuleSet.Report report) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("candidateVersion", report.candidateVersion());
    json.put("inForceVersion", report.inForceVersion());
    json.put("since", report.since().toString());
    json.put("compared", report.compared());
    json.put("changed", report.changed());
    json.put("failed", report.failed());
    Map<String, Object> questions = new LinkedHashMap<>();
    report
        .byQuestion()
        .forEach((q, c) -> questions.put(q, Map.of("compared", c[0], "changed", c[1])));
    json.put("byQuestion", questions);
    json.put("byRule", report.byRule());
    json.put("byReason", report.byReason());
    json.put(
        "examples",
        report.examples().stream()
            .map(
                e -> {
                  Map<String, Object> example = new LinkedHashMap<>();
                  example.put("question", e.question());
                  example.put("at", e.at().toString());
                  example.put(
                      "inForce",
                      Map.of(
                          "approved", e.approvedInForce(),
                          "reasons", e.reasonsInForce(),
                          "gifts", e.giftsInForce()));
                  example.put(
                      "candidate",
                      Map.of(
                          "approved", e.approvedByCandidate(),
                          "reasons", e.reasonsOfCandidate(),
                          "gifts", e.giftsOfCandidate()));
                  return example;
                })
            .toList());
    return json;
  }
}
