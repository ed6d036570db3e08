package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.provisioning.sales.inventory.Inventory;
import java.time.Clock;

/**
 * Cancelling an order not yet activated: its number and card go back to stock, its campaign unit
 * back on sale, and the store is told.
 */
final class CancellingOrders {

  private final PersistenceUnit unit;
  private final ProductOrders orders;
  private final OrderChanges changes;
  private final OrderViews views;
  private final Inventory inventory;
  private final CampaignStock stock;
  private final Clock clock;

  CancellingOrders(
      PersistenceUnit unit,
      ProductOrders orders,
      OrderChanges changes,
      OrderViews views,
      Inventory inventory,
      CampaignStock stock,
      Clock clock) {
    this.unit = unit;
    this.orders = orders;
    this.changes = changes;
    this.views = views;
    this.inventory = inventory;
    this.stock = stock;
    this.clock = clock;
  }

  ProductOrderView cancel(String orderCode, String reason, Actor actor) {
    return unit.call(em -> views.of(cancel(orders.lock(orderCode), reason, actor)));
  }

  /** Cancels a locked order in the caller's transaction. */
  ProductOrder cancel(ProductOrder order, String reason, Actor actor) {
    OrderChange change = order.cancel(reason, clock.instant());
    inventory.release(order.id());
    if (order.campaignCode() != null) {
      stock.giveBack(order.campaignCode(), order.idNumberDigest());
    }
    changes.publish(order, change, actor);
    return order;
  }
}
