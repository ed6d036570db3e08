package io.simbundle.rules.shadow;

import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.decision.GrantedGift;
import io.simbundle.rules.decision.Reason;
import io.simbundle.rules.ruleset.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A candidate rule set run beside the one in force on every live decision — qualification, the
 * real-name check, privilege selection and change, gifts — without changing any answer, and what it
 * would have decided otherwise: decisions compared and changed per question, the rules and reason
 * codes behind the changes, and a few examples. The examples hold decisions only (verdicts, reason
 * codes, rule names, gift codes), never the facts about a person. Memory is bounded: at most {@link
 * #MAX_KEYS} rules or reasons are counted apart (the rest as {@code (other)}), and {@link
 * #EXAMPLES} examples are kept.
 */
public final class ShadowRuleSet {

  public static final int EXAMPLES = 10;
  public static final int MAX_KEYS = 500;

  /** One decision the candidate would have changed, as both sets decided it. */
  public record Example(
      String question,
      boolean approvedInForce,
      boolean approvedByCandidate,
      List<String> reasonsInForce,
      List<String> reasonsOfCandidate,
      List<String> giftsInForce,
      List<String> giftsOfCandidate,
      Instant at) {}

  /**
   * What the candidate would have changed so far.
   *
   * @param byQuestion per question: decisions compared and changed
   * @param byRule rules that fired in one set and not the other, in changed decisions
   * @param byReason reason codes given by one set and not the other ({@code +CODE}: only the
   *     candidate gives it, {@code -CODE}: only the set in force)
   * @param failed decisions the candidate could not make (an exception): never an answer's
   */
  public record Report(
      String candidateVersion,
      String inForceVersion,
      Instant since,
      long compared,
      long changed,
      long failed,
      Map<String, long[]> byQuestion,
      Map<String, Long> byRule,
      Map<String, Long> byReason,
      List<Example> examples) {}

  private final RuleSet candidate;
  private final Instant since;
  private final LongAdder compared = new LongAdder();
  private final LongAdder changed = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Map<String, LongAdder[]> byQuestion = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byRule = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byReason = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Example> examples = new ConcurrentLinkedQueue<>();
  private final AtomicInteger examplesKept = new AtomicInteger();

  public ShadowRuleSet(RuleSet candidate, Instant since) {
    this.candidate = Objects.requireNonNull(candidate);
    this.since = Objects.requireNonNull(since);
  }

  public RuleSet candidate() {
    return candidate;
  }

  /**
   * Decides again with the candidate and counts what differs from {@code live}. Never throws: a
   * candidate that fails is counted, and the live answer stands.
   */
  public void compare(String question, Decision live, Supplier<Decision> byCandidate, Instant at) {
    Decision shadow;
    try {
      shadow = byCandidate.get();
    } catch (RuntimeException e) {
      failed.increment();
      return;
    }
    compared.increment();
    LongAdder[] counts =
        byQuestion.computeIfAbsent(
            question, q -> new LongAdder[] {new LongAdder(), new LongAdder()});
    counts[0].increment();
    boolean differs =
        live.approved() != shadow.approved()
            || !Set.copyOf(live.reasonCodes()).equals(Set.copyOf(shadow.reasonCodes()))
            || !giftCodes(live.gifts()).equals(giftCodes(shadow.gifts()));
    if (!differs) {
      return;
    }
    changed.increment();
    counts[1].increment();
    difference(live.firedRules(), shadow.firedRules()).forEach(rule -> count(byRule, rule));
    difference(shadow.firedRules(), live.firedRules()).forEach(rule -> count(byRule, rule));
    difference(shadow.reasonCodes(), live.reasonCodes())
        .forEach(code -> count(byReason, "+" + code));
    difference(live.reasonCodes(), shadow.reasonCodes())
        .forEach(code -> count(byReason, "-" + code));
    if (examplesKept.getAndIncrement() < EXAMPLES) {
      examples.add(
          new Example(
              question,
              live.approved(),
              shadow.approved(),
              live.reasons().stream().map(Reason::code).toList(),
              shadow.reasons().stream().map(Reason::code).toList(),
              giftCodes(live.gifts()),
              giftCodes(shadow.gifts()),
              at));
    }
  }

  public Report report(String inForceVersion) {
    Map<String, long[]> questions = new TreeMap<>();
    byQuestion.forEach((q, c) -> questions.put(q, new long[] {c[0].sum(), c[1].sum()}));
    return new Report(
        candidate.version(),
        inForceVersion,
        since,
        compared.sum(),
        changed.sum(),
        failed.sum(),
        questions,
        snapshot(byRule),
        snapshot(byReason),
        List.copyOf(examples));
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((key, count) -> copy.put(key, count.sum()));
    return copy;
  }

  private static void count(Map<String, LongAdder> counts, String key) {
    String bounded = counts.size() >= MAX_KEYS && !counts.containsKey(key) ? "(other)" : key;
    counts.computeIfAbsent(bounded, k -> new LongAdder()).increment();
  }

  private static List<String> difference(List<String> from, List<String> without) {
    Set<String> rest = new LinkedHashSet<>(from);
    without.forEach(rest::remove);
    return new ArrayList<>(rest);
  }

  private static List<String> giftCodes(List<GrantedGift> gifts) {
    return gifts.stream().map(g -> g.code() + ":" + g.megabytes()).sorted().toList();
  }
}
