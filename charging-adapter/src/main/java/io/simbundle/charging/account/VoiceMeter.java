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
 * The plan's call time spent this billing cycle, call by call. Each call is charged in whole
 * rounding units of its own (per started minute by default): a call that has talked 61 s has paid
 * 120 s, and its next 59 s cost nothing more. Open calls hold the seconds granted to them until
 * they report, end, or their reservation lapses.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
final class VoiceMeter {

  /** Seconds debited this cycle, in rounding units. */
  long usedSeconds;

  Map<String, Call> calls = new LinkedHashMap<>();

  /**
   * One open call.
   *
   * @param reportedSeconds the talk time reported so far
   * @param debitedSeconds what was debited for it: reported time rounded up to the unit
   * @param heldSeconds granted and not yet reported
   * @param expiresAt when the hold lapses if the call reports nothing
   */
  record Call(long reportedSeconds, long debitedSeconds, long heldSeconds, Instant expiresAt) {}

  /**
   * Grants a call up to {@code wantedSeconds} of what is left, replacing what it held.
   *
   * @return the seconds granted; 0 when nothing is left
   */
  long reserve(String sessionId, long wantedSeconds, long allowance, Instant expiresAt) {
    Call call = calls.getOrDefault(sessionId, new Call(0, 0, 0, expiresAt));
    long available = available(sessionId, allowance);
    long granted = Math.max(0, Math.min(wantedSeconds, available));
    calls.put(
        sessionId, new Call(call.reportedSeconds(), call.debitedSeconds(), granted, expiresAt));
    return granted;
  }

  /**
   * What a call can still be granted: the plan's time nobody used or holds, plus what the call paid
   * for and has not talked yet.
   */
  long available(String sessionId, long allowance) {
    long heldByOthers =
        calls.entrySet().stream()
            .filter(c -> !c.getKey().equals(sessionId))
            .mapToLong(c -> c.getValue().heldSeconds())
            .sum();
    Call call = calls.get(sessionId);
    long prepaid = call == null ? 0 : call.debitedSeconds() - call.reportedSeconds();
    return Math.max(0, allowance - usedSeconds - heldByOthers) + prepaid;
  }

  /**
   * Debits the talk time a call reports, rounded up per call to {@code unitSeconds}, and ends its
   * hold; talk time beyond what was left is debited all the same. Returns the seconds debited.
   */
  long commit(String sessionId, long reportedSeconds, long unitSeconds) {
    Call call = calls.getOrDefault(sessionId, new Call(0, 0, 0, Instant.EPOCH));
    long reported = call.reportedSeconds() + Math.max(0, reportedSeconds);
    long unit = Math.max(1, unitSeconds);
    long debited = (reported + unit - 1) / unit * unit;
    long delta = debited - call.debitedSeconds();
    usedSeconds += delta;
    calls.put(sessionId, new Call(reported, debited, 0, call.expiresAt()));
    return delta;
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

  long left(long allowance) {
    return Math.max(0, allowance - usedSeconds - held());
  }

  /** A new cycle: the plan's time again; calls under way carry on. */
  void newCycle() {
    usedSeconds = 0;
  }
}
