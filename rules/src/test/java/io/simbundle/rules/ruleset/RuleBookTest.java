package io.simbundle.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.decision.DecisionRunner;
import io.simbundle.rules.fact.BuyerType;
import io.simbundle.rules.fact.GiftQuestion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
  void decisionInFlightDuringReloadsUsesExactlyOneVersion() throws Exception {
    Files.writeString(directory.resolve("gifts.drl"), giftsDrl("V_A"));
    try (RuleBook book = openOnDirectory()) {
      AtomicBoolean reloading = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> mixed = new ConcurrentLinkedQueue<>();
      ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
      ExecutorService deciders = Executors.newFixedThreadPool(2);
      List<Future<?>> running =
          List.of(
              deciders.submit(() -> decideUntil(book, reloading, seen, mixed)),
              deciders.submit(() -> decideUntil(book, reloading, seen, mixed)));
      for (int i = 0; i < 4; i++) {
        Files.writeString(directory.resolve("gifts.drl"), giftsDrl(i % 2 == 0 ? "V_B" : "V_A"));
        book.reload();
      }
      reloading.set(false);
      for (Future<?> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
      deciders.shutdown();

      assertThat(mixed).isEmpty();
      assertThat(seen).contains("V_A", "V_B");
    }
  }

  /** Runs decisions; records any whose reason does not belong to the version it reports. */
  private static void decideUntil(
      RuleBook book,
      AtomicBoolean reloading,
      ConcurrentLinkedQueue<String> seen,
      ConcurrentLinkedQueue<String> mixed) {
    while (reloading.get()) {
      RuleSet ruleSet = book.current();
      Decision decision = newUser(ruleSet);
      String code = decision.reasonCodes().get(0);
      seen.add(code);
      String expected = newUser(ruleSet).reasonCodes().get(0);
      if (!decision.ruleSetVersion().equals(ruleSet.version()) || !code.equals(expected)) {
        mixed.add(decision.ruleSetVersion() + ":" + code);
      }
    }
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
