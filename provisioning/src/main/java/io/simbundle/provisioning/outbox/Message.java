package io.simbundle.provisioning.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to queue: what it announces ({@code kind}, e.g. {@code order.shipped}), to whom, its
 * JSON body and the moment of the change it announces.
 *
 * @param payload written as JSON; a map or a record
 */
public record Message(Destination destination, String kind, Object payload, Instant at) {
  public Message {
    Objects.requireNonNull(destination);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(payload);
    Objects.requireNonNull(at);
  }
}
