package io.simbundle.charging.gy;

import io.simbundle.charging.store.AnsweredRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The answers given within the duplicate window, per session: a retransmission (same Session-Id and
 * CC-Request-Number) is answered from here without touching the database. Filled from the journal
 * at start, so it holds across a restart.
 */
final class RecentAnswers {

  private record Answered(long number, CreditControlOutcome outcome, Instant at) {}

  private final Map<String, List<Answered>> bySession = new ConcurrentHashMap<>();

  void put(String sessionId, long number, CreditControlOutcome outcome, Instant at) {
    bySession.compute(
        sessionId,
        (id, answers) -> {
          List<Answered> kept = answers == null ? new ArrayList<>(4) : answers;
          synchronized (kept) {
            kept.add(new Answered(number, outcome, at));
          }
          return kept;
        });
  }

  void putAll(List<AnsweredRequest> answers, Instant at) {
    answers.forEach(a -> put(a.sessionId(), a.requestNumber(), a.outcome(), at));
  }

  Optional<CreditControlOutcome> find(String sessionId, long number) {
    List<Answered> answers = bySession.get(sessionId);
    if (answers == null) {
      return Optional.empty();
    }
    synchronized (answers) {
      for (int i = answers.size() - 1; i >= 0; i--) {
        if (answers.get(i).number() == number) {
          return Optional.of(answers.get(i).outcome());
        }
      }
    }
    return Optional.empty();
  }

  /** Forgets answers given before {@code cutoff}: their requests can no longer be retransmitted. */
  void forgetBefore(Instant cutoff) {
    bySession
        .keySet()
        .forEach(
            sessionId ->
                bySession.computeIfPresent(
                    sessionId,
                    (id, answers) -> {
                      synchronized (answers) {
                        answers.removeIf(a -> a.at().isBefore(cutoff));
                        return answers.isEmpty() ? null : answers;
                      }
                    }));
  }
}
