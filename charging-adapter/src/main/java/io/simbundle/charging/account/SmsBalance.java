package io.simbundle.charging.account;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A subscriber's SMS this billing cycle as charging spends them: the plan's SMS, less those sent
 * and those held by open sessions. A view of the account; changes go to the account.
 */
public final class SmsBalance {

  private final SmsMeter meter;
  private final long allowance;
  private final long ratingGroup;
  private final Consumer<Decision> decided;

  SmsBalance(SmsMeter meter, long allowance, long ratingGroup, Consumer<Decision> decided) {
    this.meter = meter;
    this.allowance = allowance;
    this.ratingGroup = ratingGroup;
    this.decided = decided;
  }

  /** Debits {@code units} for an event session (DIRECT_DEBITING) if they are left; else nothing. */
  public boolean debit(String sessionId, long units) {
    boolean debited = meter.debit(sessionId, units, allowance);
    decide(debited ? Decision.Action.DEBIT : Decision.Action.DENIAL, debited, units);
    return debited;
  }

  /** Puts back what an event session debited this cycle, once; returns how many units. */
  public long refund(String sessionId) {
    long refunded = meter.refund(sessionId);
    if (refunded > 0) {
      decide(Decision.Action.REFUND, true, refunded);
    }
    return refunded;
  }

  /** Holds {@code units} for a session (CCR-I of unit reservation) if they are left. */
  public boolean reserve(String sessionId, long units, Instant expiresAt) {
    boolean held = meter.reserve(sessionId, units, allowance, expiresAt);
    decide(held ? Decision.Action.GRANT : Decision.Action.DENIAL, held, units);
    return held;
  }

  /** Ends a session's hold (CCR-T), debiting what it used; returns the units debited. */
  public long commit(String sessionId, long usedUnits) {
    long debited = meter.commit(sessionId, usedUnits);
    if (debited > 0) {
      decide(Decision.Action.DEBIT, true, debited);
    }
    return debited;
  }

  private void decide(Decision.Action action, boolean paid, long units) {
    decided.accept(
        Decision.of(
            Decision.Service.SMS,
            ratingGroup,
            action,
            paid ? Reason.PLAN_SMS : Reason.USED_UP,
            paid ? units : 0));
  }

  /** The plan's SMS per cycle. */
  public long allowance() {
    return allowance;
  }

  /** What can still be sent: neither sent nor held. */
  public long left() {
    return Math.max(0, meter.left(allowance) - meter.held());
  }
}
