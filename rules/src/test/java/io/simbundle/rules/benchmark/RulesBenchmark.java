package io.simbundle.rules.benchmark;

import io.simbundle.catalog.product.Province;
import io.simbundle.rules.GiftRequest;
import io.simbundle.rules.PrivilegeSelectionRequest;
import io.simbundle.rules.QualificationRequest;
import io.simbundle.rules.RulesFixture;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.fact.Policy;
import io.simbundle.rules.ruleset.RuleBook;
import io.simbundle.rules.ruleset.RuleSetCompiler;
import io.simbundle.rules.ruleset.RuleSources;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three decisions on the demo catalog and the shipped rules, one thread. The rule set is
 * compiled once in setup, as the engine does once per rule-set version. {@code baseline} builds the
 * same request without deciding, for the cost that is not the rules'.
 *
 * <p>Run: see docs/BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@Threads(1)
public class RulesBenchmark {

  private RulesService rules;

  /** The same rules with a candidate in the shadow: the shipped files compiled again. */
  private RulesService shadowed;

  private final String idNumber = RulesFixture.idNumberBornOn("19900307");

  @Setup
  public void compileRules() {
    rules = RulesFixture.service();
    RuleBook book =
        RuleBook.open(new RuleSources(Optional.empty()), new RuleSetCompiler(Clock.systemUTC()));
    shadowed = new RulesService(book, Policy.defaults());
    shadowed.shadow(book.compileCandidate(List.of()));
  }

  private QualificationRequest qualification() {
    return new QualificationRequest(
        "wechat-wo",
        Optional.of("yixun-wechat-wo-presale"),
        "yixun",
        Province.GD,
        "张三",
        idNumber,
        true,
        false,
        1,
        0,
        40_000,
        1,
        1,
        RulesFixture.NOW);
  }

  @Benchmark
  public QualificationRequest baseline() {
    return qualification();
  }

  @Benchmark
  public Decision qualify() {
    return rules.qualify(RulesFixture.DEMO_CATALOG, qualification());
  }

  @Benchmark
  public Decision checkPrivileges() {
    return rules.checkPrivileges(
        RulesFixture.DEMO_CATALOG,
        new PrivilegeSelectionRequest(
            "wechat-wo", List.of("wechat-free-traffic", "hd-pictures", "free-music"), true, false));
  }

  /** Qualification with a candidate deciding the same facts after it and compared. */
  @Benchmark
  public Decision qualifyShadowed() {
    return shadowed.qualify(RulesFixture.DEMO_CATALOG, qualification());
  }

  @Benchmark
  public Decision giftsShadowed() {
    return shadowed.gifts(RulesFixture.DEMO_CATALOG, giftRequest());
  }

  private static GiftRequest giftRequest() {
    return new GiftRequest(
        "wechat-wo",
        List.of("hd-movies"),
        true,
        false,
        Optional.of("yixun-wechat-wo-presale"),
        500,
        Instant.parse("2026-11-01T02:30:00Z"));
  }

  @Benchmark
  public Decision gifts() {
    return rules.gifts(RulesFixture.DEMO_CATALOG, giftRequest());
  }
}
