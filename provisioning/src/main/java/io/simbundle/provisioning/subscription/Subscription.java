package io.simbundle.provisioning.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A subscription as the API shows it (TMF637 product): its number, card, privileges and gifts, with
 * the holder's personal data masked.
 *
 * @param pendingPrivileges a change asked for, in force from {@code pendingFrom}
 * @param zeroRatedRatingGroups the rating groups that cost no data under its privileges
 */
public record Subscription(
    long id,
    String orderId,
    String productCode,
    String partnerCode,
    String msisdn,
    String iccid,
    String holderNameMasked,
    String idNumberMasked,
    ProductStatus status,
    List<String> privileges,
    Optional<List<String>> pendingPrivileges,
    Optional<Instant> pendingFrom,
    List<HeldGift> gifts,
    List<Long> zeroRatedRatingGroups,
    Instant createdAt,
    Optional<Instant> activatedAt) {

  public Subscription {
    privileges = List.copyOf(privileges);
    gifts = List.copyOf(gifts);
    zeroRatedRatingGroups = List.copyOf(zeroRatedRatingGroups);
  }
}
