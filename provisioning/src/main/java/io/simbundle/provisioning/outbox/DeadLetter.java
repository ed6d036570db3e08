package io.simbundle.provisioning.outbox;

import java.time.Instant;

/** A message that failed every attempt, kept for an operator to look at and re-drive. */
public record DeadLetter(
    long id,
    String destination,
    String kind,
    String payload,
    Instant createdAt,
    int attempts,
    String lastError,
    Instant deadAt) {}
