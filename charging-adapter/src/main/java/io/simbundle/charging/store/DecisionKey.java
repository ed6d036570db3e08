package io.simbundle.charging.store;

import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.profile.ChargingProfile;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The key of a decision row: a subscriber's decisions of one hour with the same service, rating
 * group, action, reason, catalog and rule-set version are folded into one row, as usage is folded
 * per day — a busy subscriber makes thousands of decisions an hour and a few distinct reasons.
 */
record DecisionKey(
    String msisdn,
    Instant hour,
    Decision.Service service,
    long ratingGroup,
    Decision.Action action,
    Reason reason,
    String reference,
    String partnerCode,
    String catalogVersion,
    String ruleSetVersion) {

  /** How many decisions of one key, and their units. */
  record Counted(DecisionKey key, long count, long units) {

    static Counted of(ChargingProfile profile, Instant at, Decision decision) {
      return new Counted(
          new DecisionKey(
              profile.msisdn(),
              at.truncatedTo(ChronoUnit.HOURS),
              decision.service(),
              decision.ratingGroup(),
              decision.action(),
              decision.reason(),
              decision.reference(),
              decision.partnerCode(),
              profile.origin().catalogVersion(),
              profile.origin().ruleSetVersion()),
          1,
          decision.units());
    }

    Counted plus(Counted other) {
      return new Counted(key, count + other.count, units + other.units);
    }
  }
}
