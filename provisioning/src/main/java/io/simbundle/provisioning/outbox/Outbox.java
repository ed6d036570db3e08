package io.simbundle.provisioning.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.simbundle.platform.json.Json;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages to partners and stores, written in the transaction of the change they announce, so a
 * change is never stored without its message nor announced without being stored.
 */
public final class Outbox {

  private Outbox() {}

  public static List<Class<?>> entities() {
    return List.of(OutboxMessageEntity.class);
  }

  /** Queues a message in the caller's transaction. */
  public static void write(
      EntityManager em, String destination, String kind, Object payload, Instant at) {
    OutboxMessageEntity message = new OutboxMessageEntity();
    message.destination = destination;
    message.kind = kind;
    message.payload = Json.write(payload);
    message.createdAt = at;
    message.nextAttemptAt = at;
    em.persist(message);
  }

  /** Messages for a destination, oldest first. */
  public static List<OutboxMessage> to(EntityManager em, String destination) {
    return em
        .createQuery(
            "FROM OutboxMessageEntity WHERE destination = :d ORDER BY id",
            OutboxMessageEntity.class)
        .setParameter("d", destination)
        .getResultList()
        .stream()
        .map(
            m -> {
              try {
                return new OutboxMessage(
                    m.id,
                    m.destination,
                    m.kind,
                    Json.mapper().readTree(m.payload),
                    m.createdAt,
                    Optional.ofNullable(m.deliveredAt),
                    m.attempts);
              } catch (JsonProcessingException e) {
                throw new IllegalStateException("outbox message " + m.id + " is not JSON", e);
              }
            })
        .toList();
  }
}
