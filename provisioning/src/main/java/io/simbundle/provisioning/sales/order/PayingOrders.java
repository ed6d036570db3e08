package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.audit.Actor;
import java.time.Clock;

/** Paying an order: load it locked, let it take the payment, publish what changed. */
final class PayingOrders {

  private final PersistenceUnit unit;
  private final ProductOrders orders;
  private final OrderChanges changes;
  private final OrderViews views;
  private final Clock clock;

  PayingOrders(
      PersistenceUnit unit,
      ProductOrders orders,
      OrderChanges changes,
      OrderViews views,
      Clock clock) {
    this.unit = unit;
    this.orders = orders;
    this.changes = changes;
    this.views = views;
    this.clock = clock;
  }

  ProductOrderView pay(String orderCode, long amountFen, String reference, Actor actor) {
    return unit.call(
        em -> {
          ProductOrder order = orders.lock(orderCode);
          changes.publish(order, order.pay(amountFen, reference, clock.instant()), actor);
          return views.of(order);
        });
  }
}
