package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.provisioning.sales.inventory.Inventory;
import java.util.List;

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

  /** Cancels an order, or every card of an order of several that is not over yet. */
  List<ProductOrderView> cancel(String code, String reason, Actor actor) {
    return room.unit()
        .call(
            em -> {
              List<ProductOrder> cards = room.orders().lockWithItems(code);
              ProductOrder.notOver(cards).forEach(order -> cancel(order, reason, actor));
              return cards.stream().map(room.views()::of).toList();
            });
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
      stock.giveBack(order.campaignCode(), order.buyerDigest());
    }
    room.changes().publish(order, change, actor);
  }
}
