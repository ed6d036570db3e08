package io.simbundle.charging.account;

import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber passed a share of something the plan or a privilege gives per billing cycle: 80 % or
 * all of the data allowance, a free-traffic cap, the SMS or the minutes. Told once per threshold
 * and cycle.
 *
 * @param msisdn the subscriber
 * @param meter what was used
 * @param reference the privilege code of a free-traffic cap; empty otherwise
 * @param percent 80 or 100
 * @param used what was used this cycle (bytes, SMS or seconds)
 * @param limit what the cycle gives
 * @param cycleStart the billing cycle it happened in
 */
public record UsageThreshold(
    String msisdn,
    Meter meter,
    String reference,
    int percent,
    long used,
    long limit,
    Instant cycleStart) {

  /** What a threshold is about. */
  public enum Meter {
    DATA,
    FREE_TRAFFIC,
    SMS,
    VOICE
  }

  public UsageThreshold {
    Objects.requireNonNull(msisdn);
    Objects.requireNonNull(meter);
    Objects.requireNonNull(reference);
    Objects.requireNonNull(cycleStart);
  }
}
