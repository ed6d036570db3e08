package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;

/** Shipping a paid order's card: load it locked, record the carrier, tell the store. */
final class ShippingOrders {

  private final OrderRoom room;

  ShippingOrders(OrderRoom room) {
    this.room = room;
  }

  ProductOrderView ship(String orderCode, String carrier, String trackingNumber, Actor actor) {
    return room.unit()
        .call(
            em -> {
              ProductOrder order = room.orders().lock(orderCode);
              OrderChange change = order.ship(carrier, trackingNumber, room.clock().instant());
              room.changes().publish(order, change, actor);
              return room.views().of(order);
            });
  }
}
