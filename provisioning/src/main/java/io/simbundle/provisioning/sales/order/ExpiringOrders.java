package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling the orders whose payment window has passed, each in its own transaction so one cannot
 * hold the others back; an order paid or cancelled since the list was read is left alone.
 */
final class ExpiringOrders {

  private static final Logger log = LoggerFactory.getLogger(ExpiringOrders.class);
  private static final int AT_MOST = 500;

  private final OrderRoom room;
  private final CancellingOrders cancelling;

  ExpiringOrders(OrderRoom room, CancellingOrders cancelling) {
    this.room = room;
    this.cancelling = cancelling;
  }

  /** How many orders were cancelled. */
  int expireUnpaid() {
    Instant now = room.clock().instant();
    List<String> due = room.unit().call(em -> room.orders().unpaidAfter(now, AT_MOST));
    int expired = 0;
    for (String code : due) {
      boolean done =
          room.unit()
              .call(
                  em -> {
                    ProductOrder order = room.orders().lock(code);
                    if (!order.paymentWindowPassed(room.clock().instant())) {
                      return false;
                    }
                    cancelling.cancel(order, "not paid by " + order.reservedUntil, Actor.SYSTEM);
                    return true;
                  });
      expired += done ? 1 : 0;
    }
    if (expired > 0) {
      log.info("{} unpaid order(s) cancelled, their numbers and cards released", expired);
    }
    return expired;
  }
}
