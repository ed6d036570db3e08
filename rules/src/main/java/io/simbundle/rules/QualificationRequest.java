package io.simbundle.rules;

import io.simbundle.catalog.product.Province;
import io.simbundle.rules.realname.ResidentIdNumber;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * May this buyer buy this card (through this campaign)?
 *
 * @param productCode the card
 * @param campaignCode the presale campaign, if the order is placed in one
 * @param channel the sales channel, e.g. {@code yixun}, {@code tmall}, {@code web}
 * @param province where the buyer is
 * @param name the buyer's real name
 * @param idNumber the buyer's resident ID number (personal data: never logged)
 * @param newOperatorUser whether the buyer is new to the operator
 * @param newPartnerUser whether the buyer is new to the partner
 * @param activeCardsOnId cards already active on this ID number across the operator
 * @param campaignOrdersByBuyer orders this ID number already placed in the campaign
 * @param campaignUnitsSold cards the campaign has sold so far
 * @param cardsInOrder how many cards the order asks for (a family orders several at once)
 * @param cardsForBuyer how many of them the buyer will hold; the others have holders of their own
 * @param at when the question is asked
 */
public record QualificationRequest(
    String productCode,
    Optional<String> campaignCode,
    String channel,
    Province province,
    String name,
    String idNumber,
    boolean newOperatorUser,
    boolean newPartnerUser,
    int activeCardsOnId,
    int campaignOrdersByBuyer,
    long campaignUnitsSold,
    int cardsInOrder,
    int cardsForBuyer,
    Instant at) {

  public QualificationRequest {
    Objects.requireNonNull(productCode);
    Objects.requireNonNull(campaignCode);
    Objects.requireNonNull(channel);
    Objects.requireNonNull(province);
    Objects.requireNonNull(at);
    if (cardsInOrder < 1 || cardsForBuyer < 0 || cardsForBuyer > cardsInOrder) {
      throw new IllegalArgumentException("an order asks for a card, the buyer holds some of them");
    }
  }

  @Override
  public String toString() {
    return "QualificationRequest[product="
        + productCode
        + ", campaign="
        + campaignCode.orElse("-")
        + ", channel="
        + channel
        + ", province="
        + province
        + ", idNumber="
        + ResidentIdNumber.mask(idNumber)
        + "]";
  }
}
