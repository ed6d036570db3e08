package io.simbundle.charging.usage;

import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.store.DecisionRecord;

/**
 * Answers a subscriber's "why was this charged?" in words customer care can read out, from the
 * reason stored when the charging function decided — which privilege made it free, which gift paid,
 * or, when the plan paid, what would have covered it and why it did not. Nothing is recomputed from
 * the subscriber's profile of today: a privilege changed since does not change the answer.
 */
public final class WhyCharged {

  private WhyCharged() {}

  public static String explain(DecisionRecord record) {
    return explain(
        record.service(),
        record.ratingGroup(),
        record.reason(),
        record.reference(),
        record.partnerCode(),
        record.catalogVersion(),
        record.ruleSetVersion());
  }

  /** The words for a reason, with the catalog and rule-set versions it was decided under. */
  public static String explain(
      Decision.Service service,
      long ratingGroup,
      Reason reason,
      String reference,
      String partnerCode,
      String catalogVersion,
      String ruleSetVersion) {
    String what =
        switch (service) {
          case DATA -> "rating group " + ratingGroup;
          case VOICE -> "the call time";
          case SMS -> "the SMS";
        };
    String words =
        switch (reason) {
          case ZERO_RATED ->
              "free: %s is zero-rated by the privilege %s, sponsored by %s"
                  .formatted(what, reference, partnerCode);
          case GIFT -> "free: paid from the traffic gift " + reference;
          case NOT_COVERED ->
              "charged to the plan's allowance: no privilege or gift of this subscriber covered "
                  + what;
          case CAP_REACHED ->
              "charged to the plan's allowance: the privilege %s covers %s, and its free cap for the month was used up"
                  .formatted(reference, what);
          case GIFT_SPENT ->
              "charged to the plan's allowance: the gift %s covers %s but was spent or had expired"
                  .formatted(reference, what);
          case EXCLUDED ->
              "charged to the plan's allowance: the privilege %s zero-rates the partner's app but not %s"
                  .formatted(reference, what);
          case PLAN_MINUTES -> "charged to the plan's minutes";
          case SPONSORED_MINUTES ->
              "free: minutes sponsored by %s under the privilege %s"
                  .formatted(partnerCode, reference);
          case PLAN_SMS -> "charged to the plan's SMS";
          case OVERAGE -> "charged beyond the plan at the catalog's overage price for " + what;
          case USED_UP -> "refused: nothing was left that could pay for " + what;
          case BARRED -> "refused: the subscription was suspended or terminated";
          case UNKNOWN_RATING_GROUP ->
              "refused: rating group " + ratingGroup + " is not one the catalog knows";
        };
    return catalogVersion.isEmpty()
        ? words
        : "%s (catalog %s, rules %s)"
            .formatted(words, catalogVersion, ruleSetVersion.isEmpty() ? "-" : ruleSetVersion);
  }
}
