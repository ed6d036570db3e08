package io.simbundle.provisioning.sales.order;

import io.simbundle.catalog.campaign.UnpaidDeposit;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an order's buyer owes and may undo, fixed when it is placed so that a later catalog never
 * changes what was sold.
 *
 * @param dueFen the whole amount due, in fen (0 on credit)
 * @param depositFen the deposit that holds the card; 0 without one
 * @param finalPayment when the rest is taken after the deposit; present exactly with a deposit
 * @param unpaidDeposit what becomes of the deposit if the rest never comes; present with a deposit
 * @param returnWindowDays how many days after activation the card may come back for a refund
 * @param instalmentMonths on credit: how many monthly fees the payer pays (0: as long as it lasts)
 */
record OrderTerms(
    long dueFen,
    long depositFen,
    Optional<Window> finalPayment,
    Optional<UnpaidDeposit> unpaidDeposit,
    int returnWindowDays,
    int instalmentMonths) {

  /** The terms of an order that was refused: nothing is due or returned. */
  static final OrderTerms NOTHING_DUE =
      new OrderTerms(0, 0, Optional.empty(), Optional.empty(), 0, 0);

  /** The final-payment window of one order. */
  record Window(Instant opens, Instant closes) {}

  OrderTerms {
    Objects.requireNonNull(finalPayment);
    Objects.requireNonNull(unpaidDeposit);
    if (dueFen < 0 || depositFen < 0 || (depositFen > 0) != finalPayment.isPresent()) {
      throw new IllegalArgumentException("invalid order terms");
    }
  }

  /** On credit: nothing due now, the payer pays {@code instalmentMonths} monthly fees. */
  static OrderTerms onCredit(int returnWindowDays, int instalmentMonths) {
    return new OrderTerms(
        0, 0, Optional.empty(), Optional.empty(), returnWindowDays, instalmentMonths);
  }

  /** Paid at once, returnable for {@code returnWindowDays}. */
  static OrderTerms paidAtOnce(long dueFen, int returnWindowDays) {
    return new OrderTerms(dueFen, 0, Optional.empty(), Optional.empty(), returnWindowDays, 0);
  }
}
