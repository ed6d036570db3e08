package io.simbundle.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simbundle.rules.GiftRequest;
import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.decision.DecisionRunner;
import io.simbundle.rules.fact.BuyerType;
import io.simbundle.rules.fact.GiftQuestion;
import io.simbundle.rules.fact.Policy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule files replaced without restart: compiled whole, swapped whole, or refused whole. */
class RuleBookTest {

  @TempDir Path directory;

  /** A welcome-gift rule whose reason code is {@code code}: two versions tell themselves apart. */
  private static String giftsDrl(String code) {
    return """
        package io.simbundle.rules.gifts;
        import io.simbundle.rules.fact.BuyerType;
        global io.simbundle.rules.decision.Verdict verdict;

        rule "Welcome gift for users new to the operator"
        when
            BuyerType( newOperatorUser )
        then
            verdict.note(drools.getRule().getName(), "%s", "en", "zh");
        end
        """
        .formatted(code);
  }

  private RuleBook openOnDirectory() {
    return RuleBook.open(
        new RuleSources(Optional.of(directory)), new RuleSetCompiler(Clock.systemUTC()));
  }

  private static Decision newUser(RuleSet ruleSet) {
    return DecisionRunner.run(ruleSet, List.of(new GiftQuestion(), new BuyerType(true, false)));
  }

  @Test
  void fileInTheRulesDirectoryReplacesTheShippedOneOfTheSameName() throws Exception {
    Files.writeString(directory.resolve("gifts.drl"), giftsDrl("OVERRIDDEN"));

    try (RuleBook book = openOnDirectory()) {
      assertThat(newUser(book.current()).reasonCodes()).containsExactly("OVERRIDDEN");
    }
  }

  @Test
  void reloadPutsTheEditedRulesInForceWithANewVersion() throws Exception {
    try (RuleBook book = openOnDirectory()) {
      RuleSet before = book.current();
      assertThat(newUser(before).reasonCodes()).containsExactly("WELCOME_GIFT");
      Files.writeString(directory.resolve("gifts.drl"), giftsDrl("EDITED"));

      RuleSet after = book.reload();

      assertThat(after.version()).isNotEqualTo(before.version());
      assertThat(book.current()).isSameAs(after);
      assertThat(newUser(after).reasonCodes()).containsExactly("EDITED");
      assertThat(newUser(after).ruleSetVersion()).isEqualTo(after.version());
    }
  }

  @Test
  void drlThatDoesNotCompileIsRefusedNamingFileAndLineAndTheRulesInForceStay() throws Exception {
    try (RuleBook book = openOnDirectory()) {
      RuleSet before = book.current();
      Files.writeString(
          directory.resolve("gifts.drl"),
          giftsDrl("BROKEN").replace("BuyerType( newOperatorUser )", "BuyerType( noSuchField )"));

      InvalidRulesException refused =
          catchThrowableOfType(InvalidRulesException.class, book::reload);

      assertThat(refused.problems())
          .anySatisfy(
              problem -> {
                assertThat(problem.file()).isEqualTo("gifts.drl");
                assertThat(problem.line()).isEqualTo(7);
                assertThat(problem.message()).contains("noSuchField");
              });
      assertThat(book.current()).isSameAs(before);
      assertThat(newUser(book.current()).reasonCodes()).containsExactly("WELCOME_GIFT");
    }
  }

  @Test
  void drlSyntaxErrorNamesFileAndLine() throws Exception {
    try (RuleBook book = openOnDirectory()) {
      Files.writeString(
          directory.resolve("extra.drl"),
          "package io.simbundle.rules.extra;\n\nrule \"half a rule\"\nwhen\n    String( \nthen\nend\n");

      InvalidRulesException refused =
          catchThrowableOfType(InvalidRulesException.class, book::reload);

      assertThat(refused.problems()).isNotEmpty();
      assertThat(refused.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("extra.drl"));
      assertThat(refused.problems()).anySatisfy(p -> assertThat(p.line()).isBetween(5, 7));
    }
  }

  @Test
  void decisionTableWithABrokenCellIsRefusedNamingItsCsvLine() throws Exception {
    String table =
        new String(
                RuleSources.class
                    .getClassLoader()
                    .getResourceAsStream("rules/presale-bonus.csv")
                    .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"tmall-double-11\",\"20000\"", "\"tmall-double-11\",\"twenty thousand\"");
    Files.writeString(directory.resolve("presale-bonus.csv"), table);

    InvalidRulesException refused =
        catchThrowableOfType(InvalidRulesException.class, this::openOnDirectory);

    assertThat(refused.problems())
        .anySatisfy(
            problem -> {
              assertThat(problem.file()).isEqualTo("presale-bonus.csv");
              assertThat(problem.line()).isEqualTo(12);
            });
  }

  @Test
  void decisionsMadeDuringReloadsEachDecideExactlyAsTheirVersionAloneWould() throws Exception {
    Map<String, List<String>> aloneByDigest = new HashMap<>();
    for (String code : List.of("V_A", "V_B")) {
      Files.writeString(directory.resolve("gifts.drl"), giftsDrl(code));
      try (RuleBook alone = openOnDirectory()) {
        Decision decision = giftsForNewUser(new RulesService(alone, Policy.defaults()));
        aloneByDigest.put(digestOf(decision), decision.reasonCodes());
      }
    }
    assertThat(aloneByDigest.values())
        .as("the two versions decide differently")
        .doesNotHaveDuplicates();

    Files.writeString(directory.resolve("gifts.drl"), giftsDrl("V_A"));
    try (RuleBook book = openOnDirectory()) {
      RulesService service = new RulesService(book, Policy.defaults());
      AtomicBoolean reloading = new AtomicBoolean(true);
      ConcurrentLinkedQueue<Decision> decided = new ConcurrentLinkedQueue<>();
      ExecutorService deciders = Executors.newFixedThreadPool(2);
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        running.add(
            deciders.submit(
                () -> {
                  while (reloading.get()) {
                    decided.add(giftsForNewUser(service));
                  }
                }));
      }
      for (int i = 0; i < 4; i++) {
        Files.writeString(directory.resolve("gifts.drl"), giftsDrl(i % 2 == 0 ? "V_B" : "V_A"));
        book.reload();
      }
      reloading.set(false);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      deciders.shutdown();

      assertThat(decided).extracting(RuleBookTest::digestOf).containsAll(aloneByDigest.keySet());
      assertThat(decided)
          .allSatisfy(
              decision ->
                  assertThat(decision.reasonCodes())
                      .as("decided by %s", decision.ruleSetVersion())
                      .isEqualTo(aloneByDigest.get(digestOf(decision))));
    }
  }

  private static Decision giftsForNewUser(RulesService service) {
    return service.gifts(
        RulesFixture.DEMO_CATALOG,
        new GiftRequest(
            "wechat-wo", List.of(), true, false, Optional.empty(), 1, RulesFixture.NOW));
  }

  /** The content digest in a version label such as {@code r3-4f1c9a07e2b3}. */
  private static String digestOf(Decision decision) {
    return decision.ruleSetVersion().substring(decision.ruleSetVersion().indexOf('-') + 1);
  }

  @Test
  void rulesCompiledOnceAreReadFromTheCacheDirectoryAtTheNextStart(@TempDir Path cache)
      throws Exception {
    Files.writeString(directory.resolve("gifts.drl"), giftsDrl("CACHED"));
    RuleSources sources = new RuleSources(Optional.of(directory));
    RuleSetCompiler first = new RuleSetCompiler(Clock.systemUTC(), Optional.of(cache));
    RuleSet compiled = first.compile(sources.read());

    RuleSetCompiler next = new RuleSetCompiler(Clock.systemUTC(), Optional.of(cache));
    RuleSet read = next.compile(sources.read());

    assertThat(first.compilations()).isEqualTo(1);
    assertThat(next.compilations()).isZero();
    assertThat(newUser(read).reasonCodes()).containsExactly("CACHED");
    assertThat(digestOf(newUser(read))).isEqualTo(digestOf(newUser(compiled)));
  }

  @Test
  void aCachedRuleSetThatIsUnreadableIsCompiledAgain(@TempDir Path cache) throws Exception {
    Files.writeString(directory.resolve("gifts.drl"), giftsDrl("REBUILT"));
    RuleSources sources = new RuleSources(Optional.of(directory));
    new RuleSetCompiler(Clock.systemUTC(), Optional.of(cache)).compile(sources.read());
    try (var kept = Files.walk(cache)) {
      for (Path file : kept.filter(f -> f.toString().endsWith(".kjar")).toList()) {
        Files.writeString(file, "not a module");
      }
    }

    RuleSetCompiler next = new RuleSetCompiler(Clock.systemUTC(), Optional.of(cache));
    RuleSet rebuilt = next.compile(sources.read());

    assertThat(next.compilations()).isEqualTo(1);
    assertThat(newUser(rebuilt).reasonCodes()).containsExactly("REBUILT");
  }

  @Test
  void theShippedRulesComeCompiledWithTheBuild() {
    RuleSetCompiler compiler = new RuleSetCompiler(Clock.systemUTC());

    RuleSet shipped = compiler.compile(new RuleSources(Optional.empty()).read());

    assertThat(compiler.compilations()).isZero();
    assertThat(newUser(shipped).reasonCodes()).containsExactly("WELCOME_GIFT");
  }

  @Test
  void editingAFileInTheWatchedDirectoryReloadsByItself() throws Exception {
    try (RuleBook book = openOnDirectory()) {
      book.watchDirectory();
      RuleSet before = book.current();
      Files.writeString(directory.resolve("gifts.drl"), giftsDrl("WATCHED"));

      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (book.current() == before && Instant.now().isBefore(deadline)) {
        Thread.sleep(100);
      }

      assertThat(newUser(book.current()).reasonCodes()).containsExactly("WATCHED");
    }
  }

  @Test
  void shippedRulesCompileIntoOneVersionPerBuild() {
    RuleSet shipped = RulesFixture.service().ruleBook().current();

    assertThat(shipped.kieBase().getKiePackages())
        .extracting(p -> p.getName())
        .contains(
            "io.simbundle.rules.qualification",
            "io.simbundle.rules.selection",
            "io.simbundle.rules.gifts",
            "io.simbundle.rules.presale",
            "io.simbundle.rules.offers");
  }
}
