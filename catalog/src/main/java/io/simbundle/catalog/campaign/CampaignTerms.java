package io.simbundle.catalog.campaign;

import java.util.Objects;
import java.util.Optional;

/**
 * What a campaign's buyer pays and may undo.
 *
 * @param priceFen what the card costs in the campaign, in fen (the plan's monthly fee unless the
 *     catalog says otherwise)
 * @param depositFen the deposit that holds the card, in fen; 0 means the price is paid at once
 * @param finalPayment when the rest of the price is paid; present exactly when there is a deposit
 * @param unpaidDeposit what becomes of the deposit when the final payment never comes
 * @param returnWindowDays how many days after activation a card may be returned for a refund
 * @param whenPartnerSilent what an order does when the partner does not say whether the buyer is
 *     new to it
 * @param instalmentMonths for an order on credit (a "0-yuan phone"): how many monthly fees the
 *     credit payer pays; 0 means for as long as the subscription lasts
 * @param maxItemsPerOrder how many cards one order may hold (a family buying for its members)
 */
public record CampaignTerms(
    long priceFen,
    long depositFen,
    Optional<FinalPayment> finalPayment,
    UnpaidDeposit unpaidDeposit,
    int returnWindowDays,
    WhenPartnerSilent whenPartnerSilent,
    int instalmentMonths,
    int maxItemsPerOrder) {

  /**
   * Seven days: the no-reason return period of China's consumer protection law for online sales.
   */
  public static final int DEFAULT_RETURN_WINDOW_DAYS = 7;

  /**
   * Five: the most cards one resident ID number may hold with an operator under China's real-name
   * rules, so no order can usefully hold more.
   */
  public static final int MOST_ITEMS_PER_ORDER = 5;

  public CampaignTerms {
    Objects.requireNonNull(finalPayment);
    Objects.requireNonNull(unpaidDeposit);
    Objects.requireNonNull(whenPartnerSilent);
    if (priceFen < 0 || depositFen < 0 || returnWindowDays < 0 || instalmentMonths < 0) {
      throw new IllegalArgumentException("campaign amounts and days are not negative");
    }
    if (maxItemsPerOrder < 1 || maxItemsPerOrder > MOST_ITEMS_PER_ORDER) {
      throw new IllegalArgumentException(
          "an order holds from 1 to " + MOST_ITEMS_PER_ORDER + " cards");
    }
    if ((depositFen > 0) != finalPayment.isPresent()) {
      throw new IllegalArgumentException("a deposit and a final payment window go together");
    }
    if (depositFen > 0 && depositFen >= priceFen) {
      throw new IllegalArgumentException("a deposit is less than the price");
    }
  }

  /**
   * Paid at once, returnable for the default window, partner silence taken as an existing user, one
   * card an order.
   */
  public static CampaignTerms paidAtOnce(long priceFen) {
    return new CampaignTerms(
        priceFen,
        0,
        Optional.empty(),
        UnpaidDeposit.KEPT,
        DEFAULT_RETURN_WINDOW_DAYS,
        WhenPartnerSilent.TREAT_AS_EXISTING,
        0,
        1);
  }

  /** What remains to pay after the deposit. */
  public long finalPaymentFen() {
    return priceFen - depositFen;
  }
}
