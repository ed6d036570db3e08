package io.simbundle.charging.account;

import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.SponsoredMinutes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A subscriber's call time this billing cycle as charging spends it, in this order: minutes a
 * partner sponsors for calls to the numbers it names, the plan's minutes, then — only if the
 * catalog prices it — time beyond the plan. Each call is rounded up to the plan's unit. A view of
 * the account for one call's rating group and called number; changes go to the account.
 */
public final class VoiceBalance {

  private final VoiceMeter meter;
  private final ChargingProfile profile;
  private final long ratingGroup;
  private final Optional<String> calledNumber;
  private final Consumer<Decision> decided;

  VoiceBalance(
      VoiceMeter meter,
      ChargingProfile profile,
      long ratingGroup,
      Optional<String> calledNumber,
      Consumer<Decision> decided) {
    this.meter = meter;
    this.profile = profile;
    this.ratingGroup = ratingGroup;
    this.calledNumber = calledNumber;
    this.decided = decided;
  }

  /** A pool that may pay for a call, its cycle's seconds (empty: no limit) and its reason. */
  private record Pool(String key, Optional<Long> seconds, Reason reason, String partnerCode) {

    long left(VoiceMeter meter, String sessionId) {
      return seconds
          .map(s -> Math.max(0, s - meter.used(key) - meter.heldByOthers(key, sessionId)))
          .orElse(Long.MAX_VALUE);
    }

    long spendable(VoiceMeter meter) {
      return seconds.map(s -> Math.max(0, s - meter.used(key))).orElse(Long.MAX_VALUE);
    }

    Decision decision(long ratingGroup, Decision.Action action, long units) {
      return new Decision(
          Decision.Service.VOICE,
          ratingGroup,
          action,
          reason,
          reason == Reason.SPONSORED_MINUTES ? key : "",
          partnerCode,
          units);
    }
  }

  /** The pools this call may draw on, in charging order. */
  private List<Pool> pools(VoiceMeter.Call call) {
    List<Pool> pools = new ArrayList<>();
    for (SponsoredMinutes sponsored : profile.extras().sponsoredMinutes()) {
      boolean covered =
          calledNumber.map(sponsored::covers).orElse(call.pool().equals(sponsored.privilegeCode()));
      if (covered) {
        pools.add(
            new Pool(
                sponsored.privilegeCode(),
                Optional.of(sponsored.secondsPerCycle()),
                Reason.SPONSORED_MINUTES,
                sponsored.partnerCode()));
      }
    }
    pools.add(
        new Pool(
            VoiceMeter.PLAN, Optional.of(profile.voiceSecondsPerCycle()), Reason.PLAN_MINUTES, ""));
    if (profile.extras().voiceOverageFenPerMinute().isPresent()) {
      pools.add(new Pool(VoiceMeter.OVERAGE, Optional.empty(), Reason.OVERAGE, ""));
    }
    return pools;
  }

  /**
   * Grants a call up to {@code wantedSeconds} (CCR-I or CCR-U) from the first pool with time left,
   * replacing what it held; the time the call paid for and has not talked yet comes on top, and
   * alone when no pool has time left.
   *
   * @return the seconds granted; 0 when nothing is left
   */
  public long reserve(String sessionId, long wantedSeconds, Instant expiresAt) {
    VoiceMeter.Call call = meter.call(sessionId);
    long prepaid = call.debitedSeconds() - call.reportedSeconds();
    List<Pool> pools = pools(call);
    for (Pool pool : pools) {
      long left = pool.left(meter, sessionId);
      if (left > 0) {
        return grant(
            sessionId, call, pool, Math.min(wantedSeconds, saturated(left + prepaid)), expiresAt);
      }
    }
    if (prepaid > 0) {
      Pool own =
          pools.stream().filter(p -> p.key().equals(call.pool())).findFirst().orElse(pools.get(0));
      return grant(sessionId, call, own, Math.min(wantedSeconds, prepaid), expiresAt);
    }
    meter.put(
        sessionId,
        new VoiceMeter.Call(
            call.reportedSeconds(), call.debitedSeconds(), 0, expiresAt, call.pool()));
    decided.accept(
        Decision.of(
            Decision.Service.VOICE, ratingGroup, Decision.Action.DENIAL, Reason.USED_UP, 0));
    return 0;
  }

  private long grant(
      String sessionId, VoiceMeter.Call call, Pool pool, long granted, Instant expiresAt) {
    meter.put(
        sessionId,
        new VoiceMeter.Call(
            call.reportedSeconds(), call.debitedSeconds(), granted, expiresAt, pool.key()));
    decided.accept(pool.decision(ratingGroup, Decision.Action.GRANT, granted));
    return granted;
  }

  /** A sum of seconds where "no limit" is {@link Long#MAX_VALUE}: never overflows. */
  private static long saturated(long seconds) {
    return seconds < 0 ? Long.MAX_VALUE : seconds;
  }

  /** Whether a grant of {@code grantedSeconds} to this call is all there is: final units. */
  public boolean isLast(String sessionId, long grantedSeconds) {
    VoiceMeter.Call call = meter.call(sessionId);
    long available = call.debitedSeconds() - call.reportedSeconds();
    for (Pool pool : pools(call)) {
      long left = pool.left(meter, sessionId);
      if (left == Long.MAX_VALUE) {
        return false;
      }
      available += left;
    }
    return grantedSeconds >= available;
  }

  /**
   * Debits the talk time a call reports, rounded up per call, from the pool its grant came from,
   * then the plan's, then beyond the plan; talk time beyond everything is debited to the plan all
   * the same (what was talked is accounted for). Returns the seconds debited.
   */
  public long commit(String sessionId, long reportedSeconds) {
    VoiceMeter.Call call = meter.call(sessionId);
    long reported = call.reportedSeconds() + Math.max(0, reportedSeconds);
    long unit = Math.max(1, profile.voiceUnitSeconds());
    long debited = (reported + unit - 1) / unit * unit;
    long delta = debited - call.debitedSeconds();
    meter.put(sessionId, new VoiceMeter.Call(reported, debited, 0, call.expiresAt(), call.pool()));
    List<Pool> order = new ArrayList<>();
    List<Pool> pools = pools(call);
    pools.stream().filter(p -> p.key().equals(call.pool())).forEach(order::add);
    pools.stream().filter(p -> !p.key().equals(call.pool())).forEach(order::add);
    long left = delta;
    for (Pool pool : order) {
      long taken = Math.min(left, pool.spendable(meter));
      if (taken > 0) {
        spend(pool, taken);
        left -= taken;
      }
    }
    if (left > 0) {
      spend(
          order.stream().filter(p -> p.key().equals(VoiceMeter.PLAN)).findFirst().orElseThrow(),
          left);
    }
    return delta;
  }

  private void spend(Pool pool, long seconds) {
    meter.debit(pool.key(), seconds);
    decided.accept(pool.decision(ratingGroup, Decision.Action.DEBIT, seconds));
  }

  /** The call ended. */
  public void end(String sessionId) {
    meter.end(sessionId);
  }

  public long allowanceSeconds() {
    return profile.voiceSecondsPerCycle();
  }

  /** Call time debited this cycle from the plan, each call rounded up to the plan's unit. */
  public long usedSeconds() {
    return meter.usedSeconds;
  }

  /** The plan's call time neither used nor held. */
  public long leftSeconds() {
    return Math.max(
        0,
        profile.voiceSecondsPerCycle()
            - meter.usedSeconds
            - meter.heldByOthers(VoiceMeter.PLAN, ""));
  }

  /** Call time beyond the plan this cycle, at the overage price. */
  public long overageSeconds() {
    return meter.overageSeconds;
  }

  /** Sponsored call time used this cycle, by privilege. */
  public Map<String, Long> sponsoredSeconds() {
    return Map.copyOf(meter.sponsoredSeconds);
  }
}
