package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.audit.Actor;
import java.time.Clock;

/** Shipping a paid order's card: load it locked, record the carrier, tell the store. */
final class ShippingOrders {

  private final PersistenceUnit unit;
  private final ProductOrders orders;
  private final OrderChanges changes;
  private final OrderViews views;
  private final Clock clock;

  ShippingOrders(
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

  ProductOrderView ship(String orderCode, String carrier, String trackingNumber, Actor actor) {
    return unit.call(
        em -> {
          ProductOrder order = orders.lock(orderCode);
          changes.publish(order, order.ship(carrier, trackingNumber, clock.instant()), actor);
          return views.of(order);
        });
  }
}
