package io.simbundle.provisioning.audit;

import java.time.Instant;
import java.util.Optional;

/**
 * One state change of an order or a product.
 *
 * @param from the state before; empty when the subject was created
 * @param to the state after
 * @param actor who caused it
 * @param reason why, in words
 * @param at when
 */
public record AuditEntry(
    Optional<String> from, String to, Actor actor, String reason, Instant at) {}
