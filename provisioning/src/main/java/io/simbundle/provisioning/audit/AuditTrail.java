package io.simbundle.provisioning.audit;

import io.simbundle.platform.database.PersistenceUnit;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail of orders, products and phone numbers. Entries are written in the transaction of
 * the change they describe, so a change and its entry are stored together or not at all.
 */
public final class AuditTrail {

  /** What an entry is about. */
  public enum Subject {
    ORDER("productOrder"),
    PRODUCT("product"),
    /** A phone number, by its digits (an MSISDN is a number of at most 15 digits). */
    NUMBER("phoneNumber");

    private final String column;

    Subject(String column) {
      this.column = column;
    }
  }

  private final PersistenceUnit unit;

  /**
   * @param unit the persistence unit whose transactions the entries join
   */
  public AuditTrail(PersistenceUnit unit) {
    this.unit = unit;
  }

  /**
   * Records a change of a subject in the caller's transaction.
   *
   * @throws IllegalStateException outside a transaction of the unit: an entry is never written
   *     apart from its change
   */
  public void record(
      Subject subject,
      long subjectId,
      Optional<String> from,
      String to,
      Actor actor,
      String reason,
      Instant at) {
    record(unit.transaction(), subject, subjectId, from, to, actor, reason, at);
  }

  /** The entries of one subject, oldest first. */
  public List<AuditEntry> of(Subject subject, long subjectId) {
    return unit.call(em -> of(em, subject, subjectId));
  }

  public static List<Class<?>> entities() {
    return List.of(AuditEntryEntity.class);
  }

  private static void record(
      EntityManager em,
      Subject subject,
      long subjectId,
      Optional<String> from,
      String to,
      Actor actor,
      String reason,
      Instant at) {
    AuditEntryEntity entry = new AuditEntryEntity();
    entry.subjectType = subject.column;
    entry.subjectId = subjectId;
    entry.fromState = from.orElse(null);
    entry.toState = to;
    entry.actor = actor.name();
    entry.reason = reason.length() > 1000 ? reason.substring(0, 997) + "..." : reason;
    entry.at = at;
    em.persist(entry);
  }

  /** The entries of one subject, oldest first. */
  private static List<AuditEntry> of(EntityManager em, Subject subject, long subjectId) {
    return em
        .createQuery(
            "FROM AuditEntryEntity WHERE subjectType = :type AND subjectId = :id ORDER BY at, id",
            AuditEntryEntity.class)
        .setParameter("type", subject.column)
        .setParameter("id", subjectId)
        .getResultList()
        .stream()
        .map(
            e ->
                new AuditEntry(
                    Optional.ofNullable(e.fromState),
                    e.toState,
                    new Actor(e.actor),
                    e.reason,
                    e.at))
        .toList();
  }
}
