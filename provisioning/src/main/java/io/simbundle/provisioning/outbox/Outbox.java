package io.simbundle.provisioning.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.platform.json.Json;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Messages to partners and stores, written in the transaction of the change they announce, so a
 * change is never stored without its message nor announced without being stored.
 */
public final class Outbox {

  private final PersistenceUnit unit;

  /**
   * @param unit the persistence unit whose transactions the messages join
   */
  public Outbox(PersistenceUnit unit) {
    this.unit = unit;
  }

  public static List<Class<?>> entities() {
    return List.of(OutboxMessageEntity.class);
  }

  /**
   * Queues a message in the caller's transaction.
   *
   * @throws IllegalStateException outside a transaction of the unit: a message is never written
   *     apart from its change
   */
  public void write(Message message) {
    EntityManager em = unit.transaction();
    OutboxMessageEntity entity = new OutboxMessageEntity();
    entity.destination = message.destination().key();
    entity.kind = message.kind();
    entity.payload = Json.write(message.payload());
    entity.createdAt = message.at();
    entity.nextAttemptAt = message.at();
    em.persist(entity);
  }

  /** Messages for a destination, oldest first. */
  public List<OutboxMessage> to(Destination destination) {
    return unit.call(
        em ->
            em
                .createQuery(
                    "FROM OutboxMessageEntity WHERE destination = :d ORDER BY id",
                    OutboxMessageEntity.class)
                .setParameter("d", destination.key())
                .getResultList()
                .stream()
                .map(Outbox::view)
                .toList());
  }

  static OutboxMessage view(OutboxMessageEntity m) {
    try {
      return new OutboxMessage(
          m.id,
          Destination.parse(m.destination).orElseThrow(),
          m.kind,
          Json.mapper().readTree(m.payload),
          m.createdAt,
          Optional.ofNullable(m.deliveredAt),
          m.attempts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("outbox message " + m.id + " is not JSON", e);
    }
  }
}
