package io.simbundle.provisioning.sales.order;

import java.util.List;
import java.util.Optional;

/**
 * What placing an order did.
 *
 * @param items the order's cards, in order: one, or each item of an order of several cards
 * @param created false when the store's external id named an order placed before, which is returned
 *     unchanged
 */
public record OrderOutcome(List<ProductOrderView> items, boolean created) {

  public OrderOutcome {
    items = List.copyOf(items);
    if (items.isEmpty()) {
      throw new IllegalArgumentException("an order holds a card");
    }
  }

  public OrderOutcome(ProductOrderView order, boolean created) {
    this(List.of(order), created);
  }

  /** The order of one card, or the first card of an order of several. */
  public ProductOrderView order() {
    return items.get(0);
  }

  /** The code of the order of several cards, if it is one. */
  public Optional<String> basketCode() {
    return order().basketCode();
  }
}
