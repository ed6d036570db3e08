package io.simbundle.charging.gy;

import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.gy.guard.PeerLimits;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the charging function answers.
 *
 * @param grants grant sizes and lifetimes
 * @param knownRatingGroups the rating groups the catalog knows (with default internet)
 * @param unknownRatingGroups what to do with any other rating group
 * @param topUpUrl where to redirect a subscriber who has run out; empty means terminate
 * @param duplicateWindow how long an answer is kept for retransmissions of its request
 * @param peers what a Diameter peer may make the server hold
 */
public record ChargingSettings(
    GrantPolicy grants,
    Set<Long> knownRatingGroups,
    UnknownRatingGroups unknownRatingGroups,
    Optional<String> topUpUrl,
    Duration duplicateWindow,
    PeerLimits peers) {

  /** RFC 4006's Tx is seconds; a PCEF's failover retransmission arrives well within this. */
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);

  /** The treatment of a rating group the catalog does not know. */
  public enum UnknownRatingGroups {
    /** Answer the MSCC with 4010 (end user service denied). */
    DENY,
    /** Charge it as default internet traffic: any-traffic gifts, then the allowance. */
    CHARGE_AS_DEFAULT
  }

  public ChargingSettings {
    Objects.requireNonNull(grants);
    knownRatingGroups = Set.copyOf(knownRatingGroups);
    Objects.requireNonNull(unknownRatingGroups);
    Objects.requireNonNull(topUpUrl);
    if (duplicateWindow.isNegative() || duplicateWindow.isZero()) {
      throw new IllegalArgumentException("the duplicate window must be positive");
    }
    Objects.requireNonNull(peers);
  }

  /** Settings with the default limits on peers. */
  public ChargingSettings(
      GrantPolicy grants,
      Set<Long> knownRatingGroups,
      UnknownRatingGroups unknownRatingGroups,
      Optional<String> topUpUrl,
      Duration duplicateWindow) {
    this(
        grants,
        knownRatingGroups,
        unknownRatingGroups,
        topUpUrl,
        duplicateWindow,
        PeerLimits.DEFAULTS);
  }
}
