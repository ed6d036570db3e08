package io.simbundle.charging.store;

import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import java.time.Instant;
import java.util.Objects;

/**
 * A subscriber's decisions of one hour that share what was decided, why, and under which catalog
 * and rule-set version — as stored when they were decided.
 *
 * @param hour the start of the hour
 * @param service data, voice or SMS
 * @param ratingGroup the rating group; 0 when the requests named none
 * @param action grant, debit, refund or denial
 * @param reason why
 * @param reference the privilege, gift or plan item the reason names; empty when none
 * @param partnerCode the sponsoring partner; empty when none
 * @param catalogVersion the catalog version of the subscriber's profile; empty when not recorded
 * @param ruleSetVersion the rule-set version of the subscriber's gifts; empty when not recorded
 * @param count how many decisions
 * @param units their bytes, seconds or messages
 */
public record DecisionRecord(
    Instant hour,
    Decision.Service service,
    long ratingGroup,
    Decision.Action action,
    Reason reason,
    String reference,
    String partnerCode,
    String catalogVersion,
    String ruleSetVersion,
    long count,
    long units) {

  public DecisionRecord {
    Objects.requireNonNull(hour);
    Objects.requireNonNull(service);
    Objects.requireNonNull(action);
    Objects.requireNonNull(reason);
  }
}
