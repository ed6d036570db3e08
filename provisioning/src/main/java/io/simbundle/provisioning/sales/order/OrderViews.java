package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.privacy.Masked;
import io.simbundle.provisioning.privacy.PersonalData;
import java.util.Optional;

/** Orders as they leave the room: personal data opened only to be masked. */
final class OrderViews {

  private final PersonalData personalData;

  OrderViews(PersonalData personalData) {
    this.personalData = personalData;
  }

  /** The buyer's name as sealed on the order, opened. */
  String buyerName(ProductOrder order) {
    return personalData.seal().open("name", order.buyerNameSealed);
  }

  /** The name of whoever the card was ordered for: its holder, else the buyer. */
  String holderName(ProductOrder order) {
    return order.holderNameSealed == null
        ? buyerName(order)
        : personalData.seal().open("name", order.holderNameSealed);
  }

  ProductOrderView of(ProductOrder order) {
    return new ProductOrderView(
        order.orderCode,
        order.channel,
        Optional.ofNullable(order.externalId),
        order.productCode,
        Optional.ofNullable(order.campaignCode),
        order.catalogVersion,
        order.province,
        Masked.name(buyerName(order)),
        order.idNumberMasked,
        Optional.ofNullable(order.basketCode),
        order.basketItem,
        order.holderNameSealed == null
            ? Optional.empty()
            : Optional.of(
                new ProductOrderView.Holder(Masked.name(holderName(order)), order.holderIdMasked)),
        order.buyerType(),
        order.paymentType(),
        order.amountDueFen,
        order.amountPaidFen,
        order.amountRefundedFen,
        order.depositFen == 0
            ? Optional.empty()
            : Optional.of(
                new ProductOrderView.Deposit(
                    order.depositFen,
                    order.amountDueFen - order.depositFen,
                    order.finalPaymentOpens,
                    order.finalPaymentCloses,
                    order.depositOwedBack())),
        Optional.ofNullable(order.creditPayer),
        order.instalmentMonths,
        Optional.ofNullable(order.msisdn),
        Optional.ofNullable(order.iccid),
        order.state(),
        Optional.ofNullable(order.stateReason),
        order.refusals(),
        Optional.ofNullable(order.reservedUntil),
        Optional.ofNullable(order.shippedAt)
            .map(at -> new ProductOrderView.Shipment(order.carrier, order.trackingNumber, at)),
        order.createdAt,
        order.updatedAt);
  }
}
