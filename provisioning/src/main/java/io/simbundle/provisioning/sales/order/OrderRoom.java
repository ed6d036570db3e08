package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.PersistenceUnit;
import java.time.Clock;

/**
 * What every order use case works with: the unit whose transactions it runs, the stored orders,
 * where changes are published, how orders leave the room, and the clock.
 */
record OrderRoom(
    PersistenceUnit unit,
    ProductOrders orders,
    OrderChanges changes,
    OrderViews views,
    Clock clock) {

  /** A store's order placed before, with all its cards, as the store's repeat is answered. */
  OrderOutcome placedBefore(ProductOrder first) {
    return new OrderOutcome(orders.withItsBasket(first).stream().map(views::of).toList(), false);
  }
}
