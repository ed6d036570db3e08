package io.simbundle.charging;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.profile.PlanExtras;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A subscriber's balances as the charging function sees them now.
 *
 * @param msisdn the subscriber
 * @param allowanceBytes the plan's allowance this cycle
 * @param allowanceUsedBytes what was used of it
 * @param giftsLeftBytes what is left of each gift, by code
 * @param zeroRatedUsedBytes free traffic used this cycle, by privilege code
 * @param reservedBytes quota held by open sessions
 * @param openSessions the Gy sessions holding quota
 * @param barred whether traffic is refused (suspended or terminated subscriber)
 * @param smsPerCycle the plan's SMS this cycle
 * @param smsLeft what is left of them
 * @param voiceSecondsPerCycle the plan's call time this cycle
 * @param voiceSecondsUsed what calls used of it, each rounded up to the plan's unit
 * @param voiceSecondsLeft what is left of it, not counting what open calls hold
 * @param beyondPlan sponsored call time used, and calls and SMS beyond the plan
 */
public record Balance(
    String msisdn,
    long allowanceBytes,
    long allowanceUsedBytes,
    Map<String, Long> giftsLeftBytes,
    Map<String, Long> zeroRatedUsedBytes,
    long reservedBytes,
    List<String> openSessions,
    boolean barred,
    long smsPerCycle,
    long smsLeft,
    long voiceSecondsPerCycle,
    long voiceSecondsUsed,
    long voiceSecondsLeft,
    BeyondPlan beyondPlan) {

  /** The balances of an account as they stand at {@code now}. */
  static Balance of(Account a, Instant now) {
    return new Balance(
        a.profile().msisdn(),
        a.profile().allowanceBytes(),
        a.allowanceUsed(),
        a.giftsLeft(now),
        a.zeroRatedUsed(),
        a.reservedBytes(),
        a.openSessions(),
        a.barred(),
        a.profile().smsPerCycle(),
        a.sms().left(),
        a.voice().allowanceSeconds(),
        a.voice().usedSeconds(),
        a.voice().leftSeconds(),
        BeyondPlan.of(a));
  }

  public long allowanceLeftBytes() {
    return Math.max(0, allowanceBytes - allowanceUsedBytes);
  }

  /**
   * What calls and SMS drew on besides the plan this cycle.
   *
   * @param sponsoredSecondsUsed call time partners sponsored, by privilege code
   * @param voiceOverageSeconds call time beyond the plan, at the catalog's price
   * @param smsOverage SMS beyond the plan, at the catalog's price
   * @param overageFen what those cost: call time per minute (half a fen rounded up), SMS each
   */
  public record BeyondPlan(
      Map<String, Long> sponsoredSecondsUsed,
      long voiceOverageSeconds,
      long smsOverage,
      long overageFen) {

    public BeyondPlan {
      sponsoredSecondsUsed = Map.copyOf(sponsoredSecondsUsed);
    }

    /** The overage of a cycle priced by the subscriber's profile. */
    static BeyondPlan of(Account account) {
      PlanExtras prices = account.profile().extras();
      long voiceSeconds = account.voice().overageSeconds();
      long sms = account.sms().overage();
      long fen =
          BigDecimal.valueOf(voiceSeconds)
                  .multiply(BigDecimal.valueOf(prices.voiceOverageFenPerMinute().orElse(0L)))
                  .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP)
                  .longValueExact()
              + sms * prices.smsOverageFen().orElse(0L);
      return new BeyondPlan(account.voice().sponsoredSeconds(), voiceSeconds, sms, fen);
    }
  }
}
