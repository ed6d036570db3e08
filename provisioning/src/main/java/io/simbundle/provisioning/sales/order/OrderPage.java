package io.simbundle.provisioning.sales.order;

import java.util.List;

/** One page of a listing and how many orders match in all. */
public record OrderPage(List<ProductOrderView> orders, long total) {
  public OrderPage {
    orders = List.copyOf(orders);
  }
}
