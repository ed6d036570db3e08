package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.provisioning.sales.inventory.Inventory;

/**
 * Cancelling an order not yet activated: its number and card go back to stock, its campaign unit
 * back on sale, and the store is told.
 */
final class CancellingOrders {

  private final OrderRoom room;
  private final Inventory inventory;
  private final CampaignStock stock;

  CancellingOrders(OrderRoom room, Inventory inventory, CampaignStock stock) {
    this.room = room;
    this.inventory = inventory;
    this.stock = stock;
  }

  ProductOrderView cancel(String orderCode, String reason, Actor actor) {
    return room.unit()
        .call(em -> room.views().of(cancel(room.orders().lock(orderCode), reason, actor)));
  }

  /** Cancels a locked order in the caller's transaction. */
  ProductOrder cancel(ProductOrder order, String reason, Actor actor) {
    OrderChange change = order.cancel(reason, room.clock().instant());
    inventory.release(order.id());
    if (order.campaignCode() != null) {
      stock.giveBack(order.campaignCode(), order.idNumberDigest());
    }
    room.changes().publish(order, change, actor);
    return order;
  }
}
