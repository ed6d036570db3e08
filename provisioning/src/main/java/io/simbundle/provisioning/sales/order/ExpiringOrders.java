package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling the orders whose payment window has passed, each in its own transaction so one cannot
 * hold the others back; an order paid or cancelled since the list was read is left alone. A presale
 * order whose deposit was paid but not the rest keeps the deposit or has it refunded, as its
 * campaign said.
 */
final class ExpiringOrders {

  private static final Logger log = LoggerFactory.getLogger(ExpiringOrders.class);
  private static final int AT_MOST = 500;

  private final OrderRoom room;
  private final CancellingOrders cancelling;

  private final RefundingOrders refunding;

  ExpiringOrders(OrderRoom room, CancellingOrders cancelling, RefundingOrders refunding) {
    this.room = room;
    this.cancelling = cancelling;
    this.refunding = refunding;
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
                    Instant at = room.clock().instant();
                    if (!order.paymentWindowPassed(at)) {
                      return false;
                    }
                    boolean depositPaid = order.amountPaidFen > 0;
                    cancelling.cancel(order, order.expire(at), Actor.SYSTEM);
                    if (depositPaid && order.depositOwedBack()) {
                      refunding.refundDeposit(order, at);
                    }
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
