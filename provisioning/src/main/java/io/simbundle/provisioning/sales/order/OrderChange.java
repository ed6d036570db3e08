package io.simbundle.provisioning.sales.order;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one transition of an order did, for its audit entry and its announcement.
 *
 * @param from the state before; empty for a new order
 * @param to the state after (the same as {@code from} for a partial payment or a shipment)
 * @param reason why, as the audit trail and the store read it
 * @param announcedAs what the store is told, e.g. {@code order.inProgress} or {@code
 *     order.shipped}; empty when the store is told nothing (a payment that leaves some due)
 * @param details what the store is told besides the order's state, e.g. a refund
 */
public record OrderChange(
    Optional<OrderState> from,
    OrderState to,
    String reason,
    Instant at,
    Optional<String> announcedAs,
    Map<String, Object> details) {

  public OrderChange {
    details = Map.copyOf(details);
    Objects.requireNonNull(from);
    Objects.requireNonNull(to);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(at);
    Objects.requireNonNull(announcedAs);
  }

  /** A change that tells the store nothing besides the order's state. */
  public OrderChange(
      Optional<OrderState> from,
      OrderState to,
      String reason,
      Instant at,
      Optional<String> announcedAs) {
    this(from, to, reason, at, announcedAs, Map.of());
  }

  /** A move into {@code to}, announced as {@code order.<to>}. */
  static OrderChange move(Optional<OrderState> from, OrderState to, String reason, Instant at) {
    return new OrderChange(from, to, reason, at, Optional.of("order." + to.tmfName()));
  }
}
