package io.simbundle.charging.store;

import io.simbundle.charging.account.Usage;
import java.time.LocalDate;

/** The key of a usage row: subscriber, day, rating group and payer. */
record UsageKey(
    String msisdn,
    LocalDate day,
    long ratingGroup,
    String kind,
    String paidBy,
    String partnerCode) {

  static UsageKey of(String msisdn, Usage usage) {
    return new UsageKey(
        msisdn,
        usage.day(),
        usage.ratingGroup(),
        usage.source().kind().name(),
        usage.source().reference(),
        usage.source().partnerCode());
  }
}
