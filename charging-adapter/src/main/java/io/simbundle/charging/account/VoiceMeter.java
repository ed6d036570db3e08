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
 * Call time spent this billing cycle, call by call, from each pool that pays for calls: minutes a
 * partner sponsors (by privilege), the plan's minutes, time beyond the plan at the overage price.
 * Each call is charged in whole rounding units of its own (per started minute by default): a call
 * that has talked 61 s has paid 120 s, and its next 59 s cost nothing more. Open calls hold the
 * seconds granted to them, in the pool that granted them, until they report, end, or lapse.
 *
 * <p>Fields added after the first stored accounts are left out of the stored form while empty, so
 * accounts without them are written back exactly as they were stored.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
final class VoiceMeter {

  /** The pool of the plan's minutes. */
  static final String PLAN = "";

  /** The pool beyond the plan, priced; not a privilege code (those never start with '+'). */
  static final String OVERAGE = "+overage";

  /** Seconds debited this cycle from the plan's minutes, in rounding units. */
  long usedSeconds;

  /** Seconds debited this cycle beyond the plan, at the overage price. */
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  long overageSeconds;

  /** Seconds debited this cycle from each privilege's sponsored minutes. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  Map<String, Long> sponsoredSeconds = new LinkedHashMap<>();

  Map<String, Call> calls = new LinkedHashMap<>();

  /**
   * One open call.
   *
   * @param reportedSeconds the talk time reported so far
   * @param debitedSeconds what was debited for it: reported time rounded up to the unit
   * @param heldSeconds granted and not yet reported
   * @param expiresAt when the hold lapses if the call reports nothing
   * @param pool the pool its last grant came from: a privilege code, {@link #PLAN} or {@link
   *     #OVERAGE}
   */
  record Call(
      long reportedSeconds,
      long debitedSeconds,
      long heldSeconds,
      Instant expiresAt,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) String pool) {

    Call {
      // Calls stored before pools existed drew on the plan.
      pool = pool == null ? PLAN : pool;
    }
  }

  Call call(String sessionId) {
    return calls.getOrDefault(sessionId, new Call(0, 0, 0, Instant.EPOCH, PLAN));
  }

  void put(String sessionId, Call call) {
    calls.put(sessionId, call);
  }

  /** Seconds debited this cycle from a pool. */
  long used(String pool) {
    return switch (pool) {
      case PLAN -> usedSeconds;
      case OVERAGE -> overageSeconds;
      default -> sponsoredSeconds.getOrDefault(pool, 0L);
    };
  }

  void debit(String pool, long seconds) {
    switch (pool) {
      case PLAN -> usedSeconds += seconds;
      case OVERAGE -> overageSeconds += seconds;
      default -> sponsoredSeconds.merge(pool, seconds, Long::sum);
    }
  }

  /** Seconds the calls other than {@code sessionId} hold in a pool. */
  long heldByOthers(String pool, String sessionId) {
    return calls.entrySet().stream()
        .filter(c -> !c.getKey().equals(sessionId) && c.getValue().pool().equals(pool))
        .mapToLong(c -> c.getValue().heldSeconds())
        .sum();
  }

  /** The call ended (CCR-T): nothing is held for it any more. */
  void end(String sessionId) {
    calls.remove(sessionId);
  }

  /** Ends the calls whose hold lapsed without a report; returns their sessions. */
  List<String> releaseExpired(Instant now) {
    List<String> lapsed =
        calls.entrySet().stream()
            .filter(c -> c.getValue().heldSeconds() > 0 && !c.getValue().expiresAt().isAfter(now))
            .map(Map.Entry::getKey)
            .toList();
    lapsed.forEach(calls::remove);
    return lapsed;
  }

  Optional<Instant> earliestExpiry() {
    return calls.values().stream()
        .filter(c -> c.heldSeconds() > 0)
        .map(Call::expiresAt)
        .min(Comparator.naturalOrder());
  }

  long held() {
    return calls.values().stream().mapToLong(Call::heldSeconds).sum();
  }

  /** A new cycle: every pool starts afresh; calls under way carry on. */
  void newCycle() {
    usedSeconds = 0;
    overageSeconds = 0;
    sponsoredSeconds.clear();
  }
}
