package io.simbundle.provisioning.sales.buyer;

import io.simbundle.catalog.campaign.WhenPartnerSilent;
import io.simbundle.provisioning.ProvisioningException;
import java.util.Map;

/**
 * Decides a buyer's B2B2C type from facts, not from what the store claims: new to the operator when
 * the engine holds no card, active or past, on the ID number; new to the partner as the partner's
 * platform says. The store's flags are a hint, taken only where no fact exists (a partner without a
 * platform to ask). The type's basis says which fact decided each half.
 */
public final class BuyerTypes {

  /** Seconds a store is told to wait before trying an order the partner left unanswered. */
  static final int RETRY_AFTER_SECONDS = 30;

  private final PartnerMembership partners;

  public BuyerTypes(PartnerMembership partners) {
    this.partners = partners;
  }

  /**
   * @param standing what the engine's records say about the buyer
   * @param partnerCode the partner of the card bought
   * @param claimedNewToOperator what the store said, kept in the basis when the facts disagree
   * @param claimedNewToPartner what the store said, taken only when the partner has no platform
   * @param whenSilent what to do when the partner's platform does not answer
   * @throws ProvisioningException unavailable when the partner is silent and the campaign refuses
   */
  public BuyerType decide(
      BuyerRecords.Standing standing,
      String partnerCode,
      String idNumber,
      boolean claimedNewToOperator,
      boolean claimedNewToPartner,
      WhenPartnerSilent whenSilent) {
    boolean newToOperator = standing.cardsEver() == 0;
    String operator =
        newToOperator
            ? "new to the operator: no card on this ID number in the engine's records"
            : "an existing operator customer: "
                + standing.cardsEver()
                + " card(s) on this ID number in the engine's records, "
                + standing.activeCards()
                + " in service";
    if (claimedNewToOperator && !newToOperator) {
      operator += " (the store said new)";
    }
    PartnerMembership.Answer answer = partners.ask(partnerCode, idNumber);
    boolean newToPartner;
    String partner;
    if (answer instanceof PartnerMembership.Known known) {
      newToPartner = known.newUser();
      partner =
          (newToPartner ? "new to " : "an existing user of ")
              + partnerCode
              + ", as its platform said"
              + (known.cached() ? " (answer kept from an earlier order)" : "");
    } else if (answer instanceof PartnerMembership.Silent silent) {
      if (whenSilent == WhenPartnerSilent.REFUSE) {
        throw new ProvisioningException(
            ProvisioningException.Kind.UNAVAILABLE,
            "partner-silent",
            partnerCode
                + "'s platform did not say whether the buyer is new to it ("
                + silent.why()
                + "); the campaign takes no order without it, try again later",
            Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
      }
      newToPartner = false;
      partner =
          "taken as an existing user of "
              + partnerCode
              + ": its platform did not answer ("
              + silent.why()
              + ")";
    } else {
      newToPartner = claimedNewToPartner;
      partner =
          (newToPartner ? "new to " : "an existing user of ")
              + partnerCode
              + " as the store said: the partner has no platform to ask";
    }
    return new BuyerType(newToOperator, newToPartner, operator + "; " + partner);
  }
}
