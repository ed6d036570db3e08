package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS a subscriber sent this billing cycle, and which event sessions sent them: a refund (the
 * SMSC could not deliver) puts back exactly what its session took, once. SMS charged with unit
 * reservation (RFC 4006 ECUR: reserved at CCR-I, committed at CCR-T) are held until committed or
 * until their reservation lapses.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
final class SmsMeter {

  long used;

  /** Units debited by each event session this cycle; at most the plan's SMS, so it stays small. */
  Map<String, Long> debits = new LinkedHashMap<>();

  /** Units reserved by each open session, until committed, released or lapsed. */
  Map<String, Hold> holds = new LinkedHashMap<>();

  /** Units held for a session until {@code expiresAt}. */
  record Hold(long units, Instant expiresAt) {}

  /** Debits {@code units} if {@code allowance} still holds them; nothing otherwise. */
  boolean debit(String sessionId, long units, long allowance) {
    if (units <= 0 || units > left(allowance) - held()) {
      return false;
    }
    used += units;
    debits.merge(sessionId, units, Long::sum);
    return true;
  }

  /**
   * Puts back what {@code sessionId} debited this cycle; 0 when it debited nothing or was refunded.
   */
  long refund(String sessionId) {
    Long debited = debits.remove(sessionId);
    if (debited == null) {
      return 0;
    }
    used = Math.max(0, used - debited);
    return debited;
  }

  /** Holds {@code units} for a session if the plan has them beyond what others hold. */
  boolean reserve(String sessionId, long units, long allowance, Instant expiresAt) {
    holds.remove(sessionId);
    if (units <= 0 || units > left(allowance) - held()) {
      return false;
    }
    holds.put(sessionId, new Hold(units, expiresAt));
    return true;
  }

  /**
   * Ends a session's hold and debits what it reports used — all of it, also beyond the hold: what
   * was delivered is accounted for. Returns the units debited.
   */
  long commit(String sessionId, long usedUnits) {
    holds.remove(sessionId);
    if (usedUnits <= 0) {
      return 0;
    }
    used += usedUnits;
    debits.merge(sessionId, usedUnits, Long::sum);
    return usedUnits;
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
    debits.clear();
  }
}
