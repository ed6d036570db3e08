package io.simbundle.charging.gy;

import java.util.Objects;
import java.util.Optional;

/**
 * What the answer to a charging event says besides its Result-Code (RFC 4006 6.4, 8.41–8.43).
 *
 * @param ratingGroup the Rating-Group of the request's Multiple-Services-Credit-Control, echoed
 *     with the grant; empty when the request asked at command level
 * @param grantedUnits the CC-Service-Specific-Units debited (DIRECT_DEBITING) or put back
 *     (REFUND_ACCOUNT); 0 for none
 * @param enoughCredit the Check-Balance-Result of a CHECK_BALANCE
 * @param costFen the Cost-Information of a PRICE_ENQUIRY, in fen
 */
public record EventOutcome(
    Optional<Long> ratingGroup,
    long grantedUnits,
    Optional<Boolean> enoughCredit,
    Optional<Long> costFen) {

  public EventOutcome {
    Objects.requireNonNull(ratingGroup);
    Objects.requireNonNull(enoughCredit);
    Objects.requireNonNull(costFen);
  }
}
