package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.order.CardReturns;
import io.simbundle.provisioning.sales.order.ProductOrder;

/**
 * A card that came back after activation: its subscription ends (its number to quarantine, its card
 * retired) in the refund's transaction, and charging bars its traffic once that is committed.
 */
final class ReturningCards implements CardReturns {

  private final SubscriptionRoom room;
  private final ChargingSync charging;

  ReturningCards(SubscriptionRoom room, ChargingSync charging) {
    this.room = room;
    this.charging = charging;
  }

  @Override
  public long terminate(ProductOrder order, String reason, Actor actor) {
    ProductEntity product = room.subscriptions().lockByOrder(order.id());
    if (product.status() != ProductStatus.TERMINATED) {
      room.changes()
          .move(
              product,
              ProductStatus.TERMINATED,
              "card returned: " + reason,
              actor,
              room.clock().instant());
    }
    return product.id;
  }

  @Override
  public void afterCommit(long productId) {
    // A charging outage must not undo the return; the next sync bars the traffic then.
    charging.bringUp(productId);
  }
}
