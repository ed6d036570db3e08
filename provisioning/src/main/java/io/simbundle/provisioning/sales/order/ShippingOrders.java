package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;
import java.util.List;

/**
 * Shipping a paid order's card: load it locked, record the carrier, tell the store. An order of
 * several cards ships in one parcel: every card of it not cancelled goes, or none does.
 */
final class ShippingOrders {

  private final OrderRoom room;

  ShippingOrders(OrderRoom room) {
    this.room = room;
  }

  List<ProductOrderView> ship(String code, String carrier, String trackingNumber, Actor actor) {
    return room.unit()
        .call(
            em -> {
              List<ProductOrder> cards = room.orders().lockWithItems(code);
              List<ProductOrder> going = ProductOrder.notOver(cards);
              for (ProductOrder order : going) {
                OrderChange change = order.ship(carrier, trackingNumber, room.clock().instant());
                room.changes().publish(order, change, actor);
              }
              return cards.stream().map(room.views()::of).toList();
            });
  }
}
