package io.simbundle.provisioning.sales.order;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A change of an order, as told to the channel it came from.
 *
 * @param channel the order's sales channel, e.g. the store {@code yixun}
 * @param kind what happened, e.g. {@code order.inProgress} or {@code order.shipped}
 * @param payload the announcement's body: the order's code, the store's own id and the change
 * @param at when it happened
 */
public record OrderAnnouncement(
    String channel, String kind, Map<String, Object> payload, Instant at) {
  public OrderAnnouncement {
    Objects.requireNonNull(channel);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(at);
    // Values may be null (an order without a store id), so no Map.copyOf.
    payload = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
  }
}
