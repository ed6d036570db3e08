package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.provisioning.sales.inventory.Inventory;

/**
 * Cancelling an order not yet activated: its number goes back to stock, its campaign unit back on
 * sale, and the store is told. Its card goes back to stock too, unless it was shipped: a card that
 * was in a buyer's hands is quarantined, never sold again.
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
    cancel(order, order.cancel(reason, room.clock().instant()), actor);
    return order;
  }

  /**
   * Publishes a cancellation the order made, and returns what it held, in the caller's transaction.
   */
  void cancel(ProductOrder order, OrderChange change, Actor actor) {
    inventory.release(order.id(), order.shipped());
    if (order.campaignCode() != null) {
      stock.giveBack(order.campaignCode(), order.idNumberDigest());
    }
    room.changes().publish(order, change, actor);
  }
}
