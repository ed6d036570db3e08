package io.simbundle.charging.account;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A subscriber's call time this billing cycle as charging spends it: the plan's time, less what
 * calls used (each rounded up to the plan's unit) and what open calls hold. A view of the account.
 */
public final class VoiceBalance {

  private final VoiceMeter meter;
  private final long allowanceSeconds;
  private final long unitSeconds;
  private final long ratingGroup;
  private final Consumer<Decision> decided;

  VoiceBalance(
      VoiceMeter meter,
      long allowanceSeconds,
      long unitSeconds,
      long ratingGroup,
      Consumer<Decision> decided) {
    this.meter = meter;
    this.allowanceSeconds = allowanceSeconds;
    this.unitSeconds = unitSeconds;
    this.ratingGroup = ratingGroup;
    this.decided = decided;
  }

  /**
   * Grants a call up to {@code wantedSeconds} (CCR-I or CCR-U), replacing what it held.
   *
   * @return the seconds granted; 0 when nothing is left
   */
  public long reserve(String sessionId, long wantedSeconds, Instant expiresAt) {
    long granted = meter.reserve(sessionId, wantedSeconds, allowanceSeconds, expiresAt);
    decided.accept(
        granted > 0
            ? Decision.of(
                Decision.Service.VOICE,
                ratingGroup,
                Decision.Action.GRANT,
                Reason.PLAN_MINUTES,
                granted)
            : Decision.of(
                Decision.Service.VOICE, ratingGroup, Decision.Action.DENIAL, Reason.USED_UP, 0));
    return granted;
  }

  /** Whether a grant of {@code grantedSeconds} to this call is all there is: final units. */
  public boolean isLast(String sessionId, long grantedSeconds) {
    return grantedSeconds >= meter.available(sessionId, allowanceSeconds);
  }

  /** Debits the talk time a call reports, rounded per call; returns the seconds debited. */
  public long commit(String sessionId, long reportedSeconds) {
    long debited = meter.commit(sessionId, reportedSeconds, unitSeconds);
    if (debited > 0) {
      decided.accept(
          Decision.of(
              Decision.Service.VOICE,
              ratingGroup,
              Decision.Action.DEBIT,
              Reason.PLAN_MINUTES,
              debited));
    }
    return debited;
  }

  /** The call ended. */
  public void end(String sessionId) {
    meter.end(sessionId);
  }

  public long allowanceSeconds() {
    return allowanceSeconds;
  }

  /** Call time debited this cycle, each call rounded up to the plan's unit. */
  public long usedSeconds() {
    return meter.usedSeconds;
  }

  /** Call time neither used nor held. */
  public long leftSeconds() {
    return meter.left(allowanceSeconds);
  }
}
