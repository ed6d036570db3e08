package io.simbundle.charging.usage;

import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a subscriber used on one day of one service and rating group, paid for for one reason, with
 * that reason in words — all of it as stored when it was decided.
 *
 * @param day the day, Beijing time
 * @param service data, voice or SMS
 * @param ratingGroup the rating group; 0 when the requests named none
 * @param reason why it was free or charged
 * @param reference the privilege, gift or plan item the reason names; empty when none
 * @param partnerCode the sponsoring partner; empty when none
 * @param catalogVersion the catalog version in force for the subscriber then
 * @param ruleSetVersion the rule-set version that decided the subscriber's gifts then
 * @param units bytes, seconds or messages used, less any refunded
 * @param why the reason, in words (see {@link WhyCharged})
 */
public record ExplainedUsage(
    LocalDate day,
    Decision.Service service,
    long ratingGroup,
    Reason reason,
    String reference,
    String partnerCode,
    String catalogVersion,
    String ruleSetVersion,
    long units,
    String why) {

  public ExplainedUsage {
    Objects.requireNonNull(day);
    Objects.requireNonNull(service);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(why);
  }
}
