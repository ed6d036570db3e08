package io.simbundle.charging.wire;

import io.simbundle.charging.wire.WireMessage.Avp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ABNF of a command or grouped AVP (RFC 6733 3.2, 4.4): for each AVP, how many times it may
 * appear, and whether it must come first ({@code < >}). Grouped AVPs named in {@link #groups} are
 * checked against their own grammar. Unlike {@code *[ AVP ]}, any AVP not named is reported: the
 * engine should write nothing it did not mean to.
 */
public final class Grammar {

  private record Rule(int min, int max, boolean first) {}

  private static final int MANY = Integer.MAX_VALUE;

  private final String name;
  private final Map<Integer, Rule> rules = new LinkedHashMap<>();
  private final Map<Integer, Grammar> groups = new HashMap<>();

  /** {@code 1* {AVP}}: one or more AVPs of any kind (Failed-AVP). */
  private boolean anyOneOrMore;

  private Grammar(String name) {
    this.name = name;
  }

  /** A group of one or more AVPs of any kind, as Failed-AVP is. */
  public static Grammar anyOneOrMore(String name) {
    Grammar grammar = new Grammar(name);
    grammar.anyOneOrMore = true;
    return grammar;
  }

  public static Grammar of(String name) {
    return new Grammar(name);
  }

  /** {@code < AVP >}: exactly once, first. */
  public Grammar fixed(int code) {
    rules.put(code, new Rule(1, 1, true));
    return this;
  }

  /** {@code 0*1< AVP >}: at most once, first when present. */
  public Grammar optionalFixed(int code) {
    rules.put(code, new Rule(0, 1, true));
    return this;
  }

  /** {@code { AVP }}: exactly once. */
  public Grammar required(int... codes) {
    for (int code : codes) {
      rules.put(code, new Rule(1, 1, false));
    }
    return this;
  }

  /** {@code 1* { AVP }}: once or more. */
  public Grammar oneOrMore(int code) {
    rules.put(code, new Rule(1, MANY, false));
    return this;
  }

  /** {@code [ AVP ]}: at most once. */
  public Grammar optional(int... codes) {
    for (int code : codes) {
      rules.put(code, new Rule(0, 1, false));
    }
    return this;
  }

  /** {@code *[ AVP ]}: any number of times. */
  public Grammar any(int... codes) {
    for (int code : codes) {
      rules.put(code, new Rule(0, MANY, false));
    }
    return this;
  }

  /** Checks the children of a grouped AVP with {@code code} against {@code grammar}. */
  public Grammar group(int code, Grammar grammar) {
    groups.put(code, grammar);
    return this;
  }

  /** Every way the AVPs break the grammar; empty when they follow it. */
  public List<String> violations(List<Avp> avps) {
    List<String> violations = new ArrayList<>();
    if (anyOneOrMore) {
      return avps.isEmpty() ? List.of(name + ": holds no AVP") : violations;
    }
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < avps.size(); i++) {
      Avp avp = avps.get(i);
      counts.merge(avp.code(), 1, Integer::sum);
      Rule rule = rules.get(avp.code());
      if (rule == null) {
        violations.add(name + ": AVP " + avp.code() + " is not in the grammar");
        continue;
      }
      if (rule.first() && i != 0) {
        violations.add(name + ": AVP " + avp.code() + " must come first, came at " + i);
      }
      Grammar group = groups.get(avp.code());
      if (group != null) {
        violations.addAll(group.violations(avp.children()));
      }
    }
    rules.forEach(
        (code, rule) -> {
          int count = counts.getOrDefault(code, 0);
          if (count < rule.min() || count > rule.max()) {
            violations.add(
                name
                    + ": AVP "
                    + code
                    + " appears "
                    + count
                    + " time(s), the grammar allows "
                    + rule.min()
                    + (rule.max() == MANY ? " or more" : " to " + rule.max()));
          }
        });
    return violations;
  }
}
