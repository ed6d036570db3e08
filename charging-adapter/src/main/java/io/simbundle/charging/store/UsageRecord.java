package io.simbundle.charging.store;

import java.time.LocalDate;

/**
 * Stored usage of one subscriber on one day for one rating group and payer.
 *
 * @param msisdn the subscriber
 * @param day the day, Beijing time
 * @param ratingGroup the rating group
 * @param paidByKind ZERO_RATED, GIFT or ALLOWANCE
 * @param paidBy the privilege, gift or {@code allowance} that paid
 * @param partnerCode the sponsoring partner of zero-rated traffic, else empty
 * @param bytes the volume
 */
public record UsageRecord(
    String msisdn,
    LocalDate day,
    long ratingGroup,
    String paidByKind,
    String paidBy,
    String partnerCode,
    long bytes) {}
