package io.simbundle.charging.account;

import java.time.Duration;

/**
 * How grants are sized and how long they live.
 *
 * @param maxGrantBytes the largest grant, whatever is requested or left
 * @param validity the Validity-Time of a grant; a reservation not reported within twice this (the
 *     Tcc) is released
 */
public record GrantPolicy(long maxGrantBytes, Duration validity) {

  public static final GrantPolicy DEFAULT =
      new GrantPolicy(10L * 1024 * 1024, Duration.ofMinutes(30));

  public GrantPolicy {
    if (maxGrantBytes <= 0 || validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("invalid grant policy");
    }
  }

  /** How long an unreported reservation is held. */
  public Duration reservationLifetime() {
    return validity.multipliedBy(2);
  }
}
