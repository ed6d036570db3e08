package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Paying an order: load it locked, let it take the payment, record the payment, publish what
 * changed. A payment on an order of several cards is shared out over its cards in order, each
 * taking what it takes now (its deposit, or what is still due), and recorded on each.
 */
final class PayingOrders {

  private final OrderRoom room;

  PayingOrders(OrderRoom room) {
    this.room = room;
  }

  List<ProductOrderView> pay(String code, long amountFen, String reference, Actor actor) {
    return room.unit()
        .call(
            em -> {
              List<ProductOrder> cards = room.orders().lockWithItems(code);
              Instant now = room.clock().instant();
              long[] shares =
                  cards.size() == 1 ? new long[] {amountFen} : share(cards, amountFen, code, now);
              List<ProductOrderView> paid = new ArrayList<>(cards.size());
              for (int i = 0; i < cards.size(); i++) {
                ProductOrder order = cards.get(i);
                // An order of one card takes the payment whatever it is, to refuse it in its own
                // words.
                if (shares[i] > 0 || cards.size() == 1) {
                  OrderChange change = order.pay(shares[i], reference, now);
                  em.persist(new Payment(order, shares[i], reference, now));
                  room.changes().publish(order, change, actor);
                }
                paid.add(room.views().of(order));
              }
              return paid;
            });
  }

  /**
   * What each card of an order of several takes of a payment, in order.
   *
   * @throws ProvisioningException invalid for an amount that is not positive, a conflict when it is
   *     more than the cards take now
   */
  private static long[] share(List<ProductOrder> cards, long amountFen, String code, Instant now) {
    if (amountFen <= 0) {
      throw new ProvisioningException(
          ProvisioningException.Kind.INVALID, "invalid-payment", "a payment is a positive amount");
    }
    long payable = cards.stream().mapToLong(card -> card.payableNow(now)).sum();
    if (payable == 0) {
      throw ProvisioningException.conflict(
          "order-state", "no card of order " + code + " takes a payment now");
    }
    if (amountFen > payable) {
      throw ProvisioningException.conflict(
          "overpayment",
          amountFen
              + " fen is more than the "
              + payable
              + " fen the cards of order "
              + code
              + " take now");
    }
    long[] shares = new long[cards.size()];
    long left = amountFen;
    for (int i = 0; i < cards.size() && left > 0; i++) {
      shares[i] = Math.min(left, cards.get(i).payableNow(now));
      left -= shares[i];
    }
    return shares;
  }
}
