package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;
import java.time.Instant;

/**
 * Paying an order: load it locked, let it take the payment, record the payment, publish what
 * changed.
 */
final class PayingOrders {

  private final OrderRoom room;

  PayingOrders(OrderRoom room) {
    this.room = room;
  }

  ProductOrderView pay(String orderCode, long amountFen, String reference, Actor actor) {
    return room.unit()
        .call(
            em -> {
              ProductOrder order = room.orders().lock(orderCode);
              Instant now = room.clock().instant();
              OrderChange change = order.pay(amountFen, reference, now);
              em.persist(new Payment(order, amountFen, reference, now));
              room.changes().publish(order, change, actor);
              return room.views().of(order);
            });
  }
}
