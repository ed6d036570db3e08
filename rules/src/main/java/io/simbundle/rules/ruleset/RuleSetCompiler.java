package io.simbundle.rules.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

/**
 * Compiles rule files into a {@link RuleSet} with Drools' executable model. The rules are compiled
 * once per version, never per decision; a file that does not compile yields every compiler message
 * with its file and line.
 */
public final class RuleSetCompiler {

  private static final String RESOURCE_ROOT = "src/main/resources/rules/";
  private static final Pattern PATH_IN_TEXT =
      Pattern.compile("rules/([^/\\s:]+\\.(?:drl|csv)(?:\\.drl)?)");
  private static final String GENERATED_SUFFIX = ".drl";

  private final KieServices kie = KieServices.Factory.get();
  private final AtomicInteger builds = new AtomicInteger();
  private final Clock clock;

  public RuleSetCompiler(Clock clock) {
    this.clock = clock;
  }

  /**
   * @throws InvalidRulesException when any file does not compile
   */
  public RuleSet compile(List<RuleSource> sources) {
    int number = builds.incrementAndGet();
    ReleaseId releaseId = kie.newReleaseId("io.simbundle", "rules", "1.0." + number);
    KieFileSystem files = kie.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    Map<String, String> generated = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (RuleSource source : sources) {
      texts.put(source.name(), new String(source.content(), StandardCharsets.UTF_8));
      if (source.name().endsWith(".csv")) {
        String drl = DecisionTables.toDrl(source);
        generated.put(source.name() + GENERATED_SUFFIX, drl);
        files.write(RESOURCE_ROOT + source.name() + GENERATED_SUFFIX, drl);
      } else {
        files.write(RESOURCE_ROOT + source.name(), source.content());
      }
    }
    KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      kie.getRepository().removeKieModule(releaseId);
      throw new InvalidRulesException(
          errors.stream().map(error -> problem(error, generated, texts)).toList());
    }
    KieContainer container = kie.newKieContainer(releaseId);
    // The container's module stays reachable through the rule set; the repository copy is not
    // needed once the base is built, and would pile up with every reload.
    RuleSet ruleSet =
        new RuleSet("r" + number + "-" + digest(sources), container.getKieBase(), clock.instant());
    kie.getRepository().removeKieModule(releaseId);
    return ruleSet;
  }

  private static RuleProblem problem(
      Message message, Map<String, String> generated, Map<String, String> texts) {
    String path = message.getPath();
    String file = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    if (file.isEmpty()) {
      Matcher inText = PATH_IN_TEXT.matcher(message.getText());
      file = inText.find() ? inText.group(1) : "(rule set)";
    }
    int line = Math.max(message.getLine(), 0);
    String text = message.getText().strip();
    if (generated.containsKey(file)) {
      if (line == 0) {
        line = SourceLocator.lineOf(text, generated.get(file));
      }
      line = DecisionTables.csvLine(generated.get(file), line);
      file = file.substring(0, file.length() - GENERATED_SUFFIX.length());
    } else if (line == 0 && texts.containsKey(file)) {
      line = SourceLocator.lineOf(text, texts.get(file));
    }
    return new RuleProblem(file, line, text);
  }

  private static String digest(List<RuleSource> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (RuleSource source : sources) {
        sha.update(source.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(source.content());
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
