package io.simbundle.charging.account;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A subscriber's SMS this billing cycle as charging spends them: the plan's SMS, less those sent
 * and those held by open sessions — and, only when the catalog prices them, SMS beyond the plan. A
 * view of the account for one rating group; changes go to the account.
 */
public final class SmsBalance {

  private final SmsMeter meter;
  private final long allowance;
  private final Optional<Long> overageFen;
  private final long ratingGroup;
  private final Consumer<Decision> decided;

  SmsBalance(
      SmsMeter meter,
      long allowance,
      Optional<Long> overageFen,
      long ratingGroup,
      Consumer<Decision> decided) {
    this.meter = meter;
    this.allowance = allowance;
    this.overageFen = overageFen;
    this.ratingGroup = ratingGroup;
    this.decided = decided;
  }

  /** Debits {@code units} for an event session (DIRECT_DEBITING) if they may be sent; else none. */
  public boolean debit(String sessionId, long units) {
    if (units <= 0 || !mayUse(units)) {
      deny();
      return false;
    }
    debitAll(sessionId, units);
    return true;
  }

  /** Puts back what an event session debited this cycle, once; returns how many units. */
  public long refund(String sessionId) {
    SmsMeter.Refund refund = meter.refund(sessionId);
    record(Decision.Action.REFUND, Reason.PLAN_SMS, refund.fromPlan());
    record(Decision.Action.REFUND, Reason.OVERAGE, refund.beyond());
    return refund.units();
  }

  /** Holds {@code units} for a session (CCR-I of unit reservation) if they may be sent. */
  public boolean reserve(String sessionId, long units, Instant expiresAt) {
    long limit = overageFen.isPresent() ? Long.MAX_VALUE / 2 : meter.left(allowance);
    if (!meter.reserve(sessionId, units, limit, expiresAt)) {
      deny();
      return false;
    }
    long fromPlan = Math.min(units, Math.max(0, meter.left(allowance) - (meter.held() - units)));
    record(Decision.Action.GRANT, Reason.PLAN_SMS, fromPlan);
    record(Decision.Action.GRANT, Reason.OVERAGE, units - fromPlan);
    return true;
  }

  /**
   * Ends a session's hold (CCR-T), debiting what it used — all of it, also beyond the hold and the
   * plan: what was delivered is accounted for. Returns the units debited.
   */
  public long commit(String sessionId, long usedUnits) {
    meter.release(sessionId);
    if (usedUnits <= 0) {
      return 0;
    }
    debitAll(sessionId, usedUnits);
    return usedUnits;
  }

  private void debitAll(String sessionId, long units) {
    long beyond = meter.debit(sessionId, units, allowance, overageFen.isPresent());
    record(Decision.Action.DEBIT, Reason.PLAN_SMS, units - beyond);
    record(Decision.Action.DEBIT, Reason.OVERAGE, beyond);
  }

  /** Whether {@code units} may be sent now: the plan has them, or the catalog prices the rest. */
  public boolean mayUse(long units) {
    return overageFen.isPresent() || left() >= units;
  }

  /** What sending {@code units} now costs beyond the plan, in fen; 0 within the plan. */
  public long priceFen(long units) {
    long beyond = Math.max(0, units - left());
    return beyond * overageFen.orElse(0L);
  }

  private void deny() {
    decided.accept(
        Decision.of(Decision.Service.SMS, ratingGroup, Decision.Action.DENIAL, Reason.USED_UP, 0));
  }

  private void record(Decision.Action action, Reason reason, long units) {
    if (units > 0) {
      decided.accept(Decision.of(Decision.Service.SMS, ratingGroup, action, reason, units));
    }
  }

  /** The plan's SMS per cycle. */
  public long allowance() {
    return allowance;
  }

  /** What the plan can still send: neither sent nor held. */
  public long left() {
    return Math.max(0, meter.left(allowance) - meter.held());
  }

  /** SMS sent beyond the plan this cycle, at the overage price. */
  public long overage() {
    return meter.overage;
  }
}
