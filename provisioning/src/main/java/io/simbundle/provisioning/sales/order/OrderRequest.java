package io.simbundle.provisioning.sales.order;

import io.simbundle.catalog.campaign.CampaignTerms;
import io.simbundle.catalog.product.Province;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An order for one card, or for several of the same card (a family: one buyer, a holder each).
 *
 * @param channel the sales channel, e.g. {@code yixun}, {@code tmall}, {@code web}
 * @param externalId the store's own order id; a second order with the same one returns the first
 * @param productCode the card
 * @param campaignCode the presale campaign, if any
 * @param province where the number and card are taken from
 * @param buyer who buys it, and pays, and is counted against the campaign's limits
 * @param items the cards, in order: at least one, at most {@link
 *     CampaignTerms#MOST_ITEMS_PER_ORDER}
 * @param payment how it is paid
 */
public record OrderRequest(
    String channel,
    Optional<String> externalId,
    String productCode,
    Optional<String> campaignCode,
    Province province,
    Buyer buyer,
    List<Item> items,
    Payment payment) {

  public OrderRequest {
    Objects.requireNonNull(channel);
    Objects.requireNonNull(externalId);
    Objects.requireNonNull(productCode);
    Objects.requireNonNull(campaignCode);
    Objects.requireNonNull(province);
    Objects.requireNonNull(buyer);
    Objects.requireNonNull(payment);
    // A holder with the buyer's own ID number is the buyer.
    items =
        items.stream()
            .map(
                item ->
                    item.holder()
                            .filter(h -> h.idNumber().equalsIgnoreCase(buyer.idNumber()))
                            .isPresent()
                        ? Item.forBuyer(item.pickedMsisdn())
                        : item)
            .toList();
    if (items.isEmpty() || items.size() > CampaignTerms.MOST_ITEMS_PER_ORDER) {
      throw new IllegalArgumentException(
          "an order holds from 1 to " + CampaignTerms.MOST_ITEMS_PER_ORDER + " cards");
    }
  }

  /** How many of the cards the buyer will hold; the others have holders of their own. */
  public int cardsForBuyer() {
    return (int) items.stream().filter(item -> item.holder().isEmpty()).count();
  }

  /**
   * A card of the order.
   *
   * @param pickedMsisdn a number the buyer chose for it, if any
   * @param holder who will hold it, when not the buyer: the card is activated in their real name
   */
  public record Item(Optional<String> pickedMsisdn, Optional<Holder> holder) {
    public Item {
      Objects.requireNonNull(pickedMsisdn);
      Objects.requireNonNull(holder);
    }

    /** A card for the buyer, with the number they picked, if any. */
    public static Item forBuyer(Optional<String> pickedMsisdn) {
      return new Item(pickedMsisdn, Optional.empty());
    }
  }

  /** The person a card of the order is for; personal data, never logged. */
  public record Holder(String name, String idNumber) {
    public Holder {
      Objects.requireNonNull(name);
      Objects.requireNonNull(idNumber);
    }

    /** The ID number as two holders are told apart: its check character in upper case. */
    String key() {
      return idNumber.toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
      return "Holder[personal data hidden]";
    }
  }

  /**
   * The buyer; personal data, never logged.
   *
   * @param newToOperator whether they are new to the operator
   * @param newToPartner whether they are new to the partner
   */
  public record Buyer(String name, String idNumber, boolean newToOperator, boolean newToPartner) {
    public Buyer {
      Objects.requireNonNull(name);
      Objects.requireNonNull(idNumber);
    }

    @Override
    public String toString() {
      return "Buyer[personal data hidden]";
    }
  }

  /**
   * How the order is paid.
   *
   * @param creditPayer for credit: who pays the monthly fee, e.g. {@code alipay}
   * @param creditAuthorization for credit: the payer's authorization reference
   */
  public record Payment(
      PaymentType type, Optional<String> creditPayer, Optional<String> creditAuthorization) {
    public Payment {
      Objects.requireNonNull(type);
      Objects.requireNonNull(creditPayer);
      Objects.requireNonNull(creditAuthorization);
    }

    public static Payment of(PaymentType type) {
      return new Payment(type, Optional.empty(), Optional.empty());
    }
  }
}
