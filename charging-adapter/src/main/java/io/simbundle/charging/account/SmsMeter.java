package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS a subscriber sent this billing cycle — from the plan, and beyond it when the catalog
 * prices that — and which event sessions sent them: a refund (the SMSC could not deliver) puts back
 * exactly what its session took, once. SMS charged with unit reservation (RFC 4006 ECUR: reserved
 * at CCR-I, committed at CCR-T) are held until committed or until their reservation lapses.
 *
 * <p>Fields added after the first stored accounts are left out of the stored form while empty.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
final class SmsMeter {

  /** SMS sent from the plan this cycle. */
  long used;

  /** SMS sent beyond the plan this cycle, at the overage price. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  long overage;

  /** Units debited by each event session this cycle; at most the SMS sent, so it stays small. */
  Map<String, Long> debits = new LinkedHashMap<>();

  /** Of those, the units each session sent beyond the plan. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, Long> overageDebits = new LinkedHashMap<>();

  /** Units reserved by each open session, until committed, released or lapsed. */
  Map<String, Hold> holds = new LinkedHashMap<>();

  /** Units held for a session until {@code expiresAt}. */
  record Hold(long units, Instant expiresAt) {}

  /**
   * Debits {@code units} for a session: from the plan while it has them, the rest beyond it when
   * that is priced — else the plan is overdrawn: what went through is accounted for.
   *
   * @return the units taken beyond the plan
   */
  long debit(String sessionId, long units, long allowance, boolean beyondIsPriced) {
    long fromPlan =
        beyondIsPriced ? Math.min(units, Math.max(0, allowance - used - held())) : units;
    long beyond = units - fromPlan;
    used += fromPlan;
    overage += beyond;
    debits.merge(sessionId, units, Long::sum);
    if (beyond > 0) {
      overageDebits.merge(sessionId, beyond, Long::sum);
    }
    return beyond;
  }

  /** What {@code sessionId} debited this cycle and not got back: the plan's and beyond. */
  record Refund(long fromPlan, long beyond) {
    long units() {
      return fromPlan + beyond;
    }
  }

  /** Puts back what {@code sessionId} debited this cycle; nothing when it was refunded before. */
  Refund refund(String sessionId) {
    long debited = Optional.ofNullable(debits.remove(sessionId)).orElse(0L);
    long beyond = Optional.ofNullable(overageDebits.remove(sessionId)).orElse(0L);
    long fromPlan = debited - beyond;
    used = Math.max(0, used - fromPlan);
    overage = Math.max(0, overage - beyond);
    return new Refund(fromPlan, beyond);
  }

  /** Holds {@code units} for a session; {@code limit} is what the plan and pricing allow. */
  boolean reserve(String sessionId, long units, long limit, Instant expiresAt) {
    holds.remove(sessionId);
    if (units <= 0 || units > limit - held()) {
      return false;
    }
    holds.put(sessionId, new Hold(units, expiresAt));
    return true;
  }

  /** Ends a session's hold. */
  void release(String sessionId) {
    holds.remove(sessionId);
  }

  /** Releases the holds whose reservation lapsed; returns their sessions. */
  List<String> releaseExpired(Instant now) {
    List<String> lapsed =
        holds.entrySet().stream()
            .filter(hold -> !hold.getValue().expiresAt().isAfter(now))
            .map(Map.Entry::getKey)
            .toList();
    lapsed.forEach(holds::remove);
    return lapsed;
  }

  Optional<Instant> earliestExpiry() {
    return holds.values().stream().map(Hold::expiresAt).min(Comparator.naturalOrder());
  }

  long held() {
    return holds.values().stream().mapToLong(Hold::units).sum();
  }

  long left(long allowance) {
    return Math.max(0, allowance - used);
  }

  /** A new cycle: the plan's SMS again; holds of open sessions carry over into it. */
  void newCycle() {
    used = 0;
    overage = 0;
    debits.clear();
    overageDebits.clear();
  }
}
