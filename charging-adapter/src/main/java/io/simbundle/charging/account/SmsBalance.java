package io.simbundle.charging.account;

import java.time.Instant;

/**
 * A subscriber's SMS this billing cycle as charging spends them: the plan's SMS, less those sent
 * and those held by open sessions. A view of the account; changes go to the account.
 */
public final class SmsBalance {

  private final SmsMeter meter;
  private final long allowance;

  SmsBalance(SmsMeter meter, long allowance) {
    this.meter = meter;
    this.allowance = allowance;
  }

  /** Debits {@code units} for an event session (DIRECT_DEBITING) if they are left; else nothing. */
  public boolean debit(String sessionId, long units) {
    return meter.debit(sessionId, units, allowance);
  }

  /** Puts back what an event session debited this cycle, once; returns how many units. */
  public long refund(String sessionId) {
    return meter.refund(sessionId);
  }

  /** Holds {@code units} for a session (CCR-I of unit reservation) if they are left. */
  public boolean reserve(String sessionId, long units, Instant expiresAt) {
    return meter.reserve(sessionId, units, allowance, expiresAt);
  }

  /** Ends a session's hold (CCR-T), debiting what it used; returns the units debited. */
  public long commit(String sessionId, long usedUnits) {
    return meter.commit(sessionId, usedUnits);
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
