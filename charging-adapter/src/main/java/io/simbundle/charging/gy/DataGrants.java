package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Grant;
import io.simbundle.charging.account.Reason;
import java.time.Duration;
import java.time.Instant;

/**
 * Grants one Multiple-Services-Credit-Control of a data session from the account: quota with its
 * Validity-Time and Volume-Quota-Threshold, 4012 with final units when nothing is left, 4010 for a
 * rating group the configuration does not know when unknown groups are denied.
 */
final class DataGrants {

  private DataGrants() {}

  static MsccOutcome grant(
      ChargingSettings settings,
      Account account,
      String sessionId,
      MsccRequest service,
      Instant now) {
    long validity = validitySeconds(settings, account, now);
    if (!settings.knownRatingGroups().contains(service.ratingGroup())
        && settings.unknownRatingGroups() == ChargingSettings.UnknownRatingGroups.DENY) {
      account.deny(Decision.Service.DATA, service.ratingGroup(), Reason.UNKNOWN_RATING_GROUP);
      return new MsccOutcome(
          service.ratingGroup(),
          service.serviceIdentifier(),
          ResultCode.END_USER_SERVICE_DENIED,
          0,
          false,
          validity,
          0);
    }
    Grant grant =
        account.reserve(
            sessionId,
            service.ratingGroup(),
            service.serviceIdentifier(),
            service.requestedBytes(),
            settings.grants(),
            now);
    if (grant.denied()) {
      return new MsccOutcome(
          service.ratingGroup(),
          service.serviceIdentifier(),
          ResultCode.CREDIT_LIMIT_REACHED,
          0,
          true,
          validity,
          0);
    }
    return new MsccOutcome(
        service.ratingGroup(),
        service.serviceIdentifier(),
        ResultCode.SUCCESS,
        grant.bytes(),
        grant.finalUnits(),
        validity,
        grant.bytes() / 5);
  }

  /**
   * The Validity-Time of a grant: the configured one, but never past the end of the billing cycle,
   * so that the PCEF reports what was used before the boundary at the boundary (RFC 4006 5.1.2: it
   * re-authorizes when the validity ends) and the new cycle's allowance pays only for what comes
   * after. Chosen over Tariff-Time-Change, which needs PCEFs that split their reports by
   * Tariff-Change-Usage; every credit-control client honours Validity-Time.
   */
  static long validitySeconds(ChargingSettings settings, Account account, Instant now) {
    long untilBoundary = Duration.between(now, account.profile().cycleEnd()).toSeconds();
    return Math.max(1, Math.min(settings.grants().validity().toSeconds(), untilBoundary));
  }
}
