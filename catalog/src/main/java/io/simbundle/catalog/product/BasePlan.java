package io.simbundle.catalog.product;

import java.util.Optional;

/**
 * What the monthly fee buys before any privilege.
 *
 * @param monthlyFeeFen the monthly fee in fen (1 yuan = 100 fen)
 * @param dataMb the data allowance per billing cycle, in MB
 * @param voiceMinutes domestic voice minutes per cycle
 * @param sms domestic SMS per cycle
 * @param voiceUnitSeconds what each call is rounded up to: 60 charges per started minute (the
 *     default), 6 per started six seconds, 1 per second
 * @param voiceOverageFenPerMinute what a minute of calls beyond the plan costs; empty: calls are
 *     refused once the plan's minutes are used
 * @param smsOverageFen what an SMS beyond the plan costs; empty: refused once the plan's are sent
 */
public record BasePlan(
    long monthlyFeeFen,
    long dataMb,
    int voiceMinutes,
    int sms,
    int voiceUnitSeconds,
    Optional<Long> voiceOverageFenPerMinute,
    Optional<Long> smsOverageFen) {

  /** Calls are charged per started minute unless the plan says otherwise. */
  public static final int PER_STARTED_MINUTE = 60;

  /** The longest rounding unit a plan may set: an hour. */
  public static final int MAX_VOICE_UNIT_SECONDS = 3600;

  /** A plan charging calls per started minute. */
  public BasePlan(long monthlyFeeFen, long dataMb, int voiceMinutes, int sms) {
    this(monthlyFeeFen, dataMb, voiceMinutes, sms, PER_STARTED_MINUTE);
  }

  /** A plan that prices nothing beyond itself. */
  public BasePlan(
      long monthlyFeeFen, long dataMb, int voiceMinutes, int sms, int voiceUnitSeconds) {
    this(
        monthlyFeeFen,
        dataMb,
        voiceMinutes,
        sms,
        voiceUnitSeconds,
        Optional.empty(),
        Optional.empty());
  }

  public BasePlan {
    if (monthlyFeeFen < 0 || dataMb < 0 || voiceMinutes < 0 || sms < 0) {
      throw new IllegalArgumentException("plan figures must not be negative");
    }
    if (voiceOverageFenPerMinute.filter(fen -> fen < 0).isPresent()
        || smsOverageFen.filter(fen -> fen < 0).isPresent()) {
      throw new IllegalArgumentException("overage prices must not be negative");
    }
    if (voiceUnitSeconds < 1 || voiceUnitSeconds > MAX_VOICE_UNIT_SECONDS) {
      throw new IllegalArgumentException("a call's rounding unit is 1 to 3600 seconds");
    }
  }
}
