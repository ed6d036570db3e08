package io.simbundle.provisioning.sales.order;

/**
 * Where the changes of orders are announced — to the store an order came from, when it came from
 * one. The order side owns this door; whoever keeps the stores implements it. Called inside the
 * transaction that made the change, so a change is never stored unannounced nor announced unstored.
 */
@FunctionalInterface
public interface OrderAnnouncements {

  void announce(OrderAnnouncement announcement);
}
