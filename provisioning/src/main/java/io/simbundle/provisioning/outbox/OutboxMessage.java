package io.simbundle.provisioning.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A message waiting for (or past) delivery.
 *
 * @param destination who gets it, e.g. {@code partner:tencent}
 * @param kind what it announces, e.g. {@code perk.activate}
 */
public record OutboxMessage(
    long id,
    Destination destination,
    String kind,
    JsonNode payload,
    Instant createdAt,
    Optional<Instant> deliveredAt,
    int attempts) {}
