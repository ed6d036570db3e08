package io.simbundle.rules.ruleset;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles rule files into a {@link RuleSet} with Drools' executable model. The rules are compiled
 * once per version, never per decision; a file that does not compile yields every compiler message
 * with its file and line.
 *
 * <p>Compiling takes seconds, so compiled sets are looked up first by the digest of their sources
 * ({@link CompiledRuleSets}): the shipped rules come compiled with the build, and a set compiled
 * here is kept for the next start.
 */
public final class RuleSetCompiler {

  private static final Logger log = LoggerFactory.getLogger(RuleSetCompiler.class);
  private static final String RESOURCE_ROOT = "src/main/resources/";
  private static final Pattern PATH_IN_TEXT =
      Pattern.compile("(?:^|/)([^/\\s:'\"]+\\.(?:drl|csv)(?:\\.drl)?)");
  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);
  private static final String GENERATED_SUFFIX = ".drl";

  /**
   * Drools keeps modules in one repository per JVM, by release id. A compiled set read back carries
   * the release id it was compiled under, so two readers of one set take turns.
   */
  private static final Object REPOSITORY = new Object();

  private final KieServices kie = KieServices.Factory.get();
  private final AtomicInteger builds = new AtomicInteger();
  private final AtomicInteger compilations = new AtomicInteger();
  private final Clock clock;
  private final CompiledRuleSets compiled;

  /** A compiler that keeps nothing it compiles (it still finds the shipped rules compiled). */
  public RuleSetCompiler(Clock clock) {
    this(clock, Optional.empty());
  }

  /**
   * @param cacheDirectory where rule sets compiled here are kept for the next start
   */
  public RuleSetCompiler(Clock clock, Optional<Path> cacheDirectory) {
    this.clock = clock;
    this.compiled = new CompiledRuleSets(cacheDirectory);
  }

  /**
   * @throws InvalidRulesException when any file does not compile
   */
  public RuleSet compile(List<RuleSource> sources) {
    int number = builds.incrementAndGet();
    String digest = digest(sources);
    KieBase kieBase =
        compiled
            .find(digest)
            .flatMap(kjar -> read(digest, kjar))
            .orElseGet(() -> build(digest, sources));
    return new RuleSet("r" + number + "-" + digest.substring(0, 12), kieBase, clock.instant());
  }

  /**
   * The sources compiled into a Drools module (a kjar), as the build ships it.
   *
   * @throws InvalidRulesException when any file does not compile
   */
  byte[] compileToKjar(List<RuleSource> sources) {
    InternalKieModule module = compileModule(sources);
    kie.getRepository().removeKieModule(module.getReleaseId());
    return module.getBytes();
  }

  /** How many rule sets this compiler compiled rather than found compiled. */
  public int compilations() {
    return compilations.get();
  }

  private KieBase build(String digest, List<RuleSource> sources) {
    long started = System.nanoTime();
    compilations.incrementAndGet();
    InternalKieModule module = compileModule(sources);
    // The container's module stays reachable through the rule set; the repository copy is not
    // needed once the base is built, and would pile up with every reload.
    KieBase kieBase;
    try {
      kieBase = kie.newKieContainer(module.getReleaseId()).getKieBase();
    } finally {
      kie.getRepository().removeKieModule(module.getReleaseId());
    }
    // Kept only once out of the repository: a reader of the kept set uses the same release id.
    compiled.keep(digest, module.getBytes());
    log.info(
        "rules {} compiled in {} ms",
        digest.substring(0, 12),
        (System.nanoTime() - started) / 1_000_000);
    return kieBase;
  }

  private Optional<KieBase> read(String digest, byte[] kjar) {
    try {
      synchronized (REPOSITORY) {
        KieModule module =
            kie.getRepository().addKieModule(kie.getResources().newByteArrayResource(kjar));
        try {
          return Optional.of(kie.newKieContainer(module.getReleaseId()).getKieBase());
        } finally {
          kie.getRepository().removeKieModule(module.getReleaseId());
        }
      }
    } catch (RuntimeException e) {
      log.info("compiled rules {} unreadable, compiling them again: {}", digest, e.toString());
      compiled.forget(digest);
      return Optional.empty();
    }
  }

  private InternalKieModule compileModule(List<RuleSource> sources) {
    // A release id of its own: compiled sets read back elsewhere in this JVM never share it.
    ReleaseId releaseId = kie.newReleaseId("io.simbundle", "rules", UUID.randomUUID().toString());
    KieFileSystem files = kie.newKieFileSystem();
    files.generateAndWritePomXML(releaseId);
    Map<String, String> generated = new HashMap<>();
    Map<String, String> texts = new HashMap<>();
    for (RuleSource source : sources) {
      String text = new String(source.content(), StandardCharsets.UTF_8);
      texts.put(source.name(), text);
      if (source.name().endsWith(".csv")) {
        String drl = DecisionTables.toDrl(source);
        String name = source.name() + GENERATED_SUFFIX;
        generated.put(name, drl);
        files.write(path(name, drl), drl);
      } else {
        files.write(path(source.name(), text), source.content());
      }
    }
    KieBuilder builder = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class);
    List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
    if (!errors.isEmpty()) {
      kie.getRepository().removeKieModule(releaseId);
      throw new InvalidRulesException(
          errors.stream().map(error -> problem(error, generated, texts)).toList());
    }
    return (InternalKieModule) builder.getKieModule();
  }

  /** Where a file goes in the module: in the folder of its package, as Drools expects. */
  private static String path(String name, String drl) {
    Matcher declared = PACKAGE.matcher(drl);
    String folder = declared.find() ? declared.group(1).replace('.', '/') + "/" : "rules/";
    return RESOURCE_ROOT + folder + name;
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

  /** The SHA-256 of the sources' names and contents, in hex. */
  static String digest(List<RuleSource> sources) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (RuleSource source : sources) {
        sha.update(source.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(source.content());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
