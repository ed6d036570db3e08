package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.sales.buyer.BuyerType;
import io.simbundle.rules.decision.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order as the API shows it: personal data masked, the reserved number and card, the payment
 * and, when the rules rejected it, their reasons.
 *
 * @param id the order code, e.g. {@code K7M2P9QX4TRA}; an item of an order of several cards is its
 *     order's code and the item's number, e.g. {@code K7M2P9QX4TRA-2}
 * @param basketCode the order of several cards this card is an item of, if it is
 * @param basketItem which item of that order, from 1 (1 for an order of one card)
 * @param holder who the card is for, when not the buyer
 */
public record ProductOrderView(
    String id,
    String channel,
    Optional<String> externalId,
    String productCode,
    Optional<String> campaignCode,
    String catalogVersion,
    String province,
    String buyerNameMasked,
    String idNumberMasked,
    Optional<String> basketCode,
    int basketItem,
    Optional<Holder> holder,
    BuyerType buyerType,
    PaymentType paymentType,
    long amountDueFen,
    long amountPaidFen,
    long amountRefundedFen,
    Optional<Deposit> deposit,
    Optional<String> creditPayer,
    int instalmentMonths,
    Optional<String> msisdn,
    Optional<String> iccid,
    OrderState state,
    Optional<String> stateReason,
    List<Reason> refusals,
    Optional<Instant> reservedUntil,
    Optional<Shipment> shipment,
    Instant createdAt,
    Instant updatedAt) {

  public ProductOrderView {
    refusals = List.copyOf(refusals);
  }

  /**
   * A presale deposit and the final payment after it.
   *
   * @param finalPaymentOpens the first instant the rest is taken
   * @param finalPaymentCloses when the order lapses if the rest was not paid
   * @param unpaidDepositRefunded whether the deposit is paid back should the rest never come
   */
  public record Deposit(
      long depositFen,
      long finalPaymentFen,
      Instant finalPaymentOpens,
      Instant finalPaymentCloses,
      boolean unpaidDepositRefunded) {}

  /** Who a card is for, masked: activated in their real name. */
  public record Holder(String nameMasked, String idNumberMasked) {}

  /** The card on its way: who carries it, the tracking number, when it left. */
  public record Shipment(String carrier, String trackingNumber, Instant shippedAt) {}
}
