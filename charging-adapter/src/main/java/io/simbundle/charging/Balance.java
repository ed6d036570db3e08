package io.simbundle.charging;

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
    long voiceSecondsLeft) {

  public long allowanceLeftBytes() {
    return Math.max(0, allowanceBytes - allowanceUsedBytes);
  }
}
