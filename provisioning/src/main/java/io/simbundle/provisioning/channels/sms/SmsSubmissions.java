package io.simbundle.provisioning.channels.sms;

import io.simbundle.platform.database.PersistenceUnit;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of SMS the SMSC took and their delivery receipts ({@code sms_submission}). A receipt
 * and its submission may be recorded in either order: whichever comes second completes the row.
 */
public final class SmsSubmissions {

  /** Receipt states after which the text never reaches the handset. */
  static final Set<String> UNDELIVERED = Set.of("UNDELIV", "EXPIRED", "REJECTD", "DELETED");

  /**
   * One part as recorded.
   *
   * @param receipt the final state its receipt gave, e.g. {@code DELIVRD}; empty until it comes
   */
  public record Submission(String smscMessageId, int part, int parts, Optional<String> receipt) {}

  private final PersistenceUnit unit;

  public SmsSubmissions(PersistenceUnit unit) {
    this.unit = unit;
  }

  /**
   * Forgets up to {@code limit} parts submitted (or, for a receipt that never met its submission,
   * receipted) before {@code before}: a receipt that late changes nothing any more.
   *
   * @return how many were forgotten
   */
  public int forgetBefore(Instant before, int limit) {
    return unit.call(
        em ->
            em.createNativeQuery(
                    "DELETE FROM sms_submission WHERE submitted_at < ?1"
                        + " OR (submitted_at IS NULL AND receipt_at < ?1) LIMIT ?2")
                .setParameter(1, before)
                .setParameter(2, limit)
                .executeUpdate());
  }

  /**
   * Records the parts of an outbox message the SMSC took.
   *
   * @return the state of a receipt that came first and says the text was not delivered, if any
   */
  public Optional<String> submitted(long outboxMessageId, List<String> smscIds, Instant at) {
    return unit.call(
        em -> {
          Optional<String> undelivered = Optional.empty();
          for (int i = 0; i < smscIds.size(); i++) {
            em.createNativeQuery(
                    "INSERT INTO sms_submission (smsc_message_id, outbox_message_id, part, parts,"
                        + " submitted_at) VALUES (?1, ?2, ?3, ?4, ?5) ON DUPLICATE KEY UPDATE"
                        + " outbox_message_id = VALUES(outbox_message_id), part = VALUES(part),"
                        + " parts = VALUES(parts), submitted_at = VALUES(submitted_at)")
                .setParameter(1, smscIds.get(i))
                .setParameter(2, outboxMessageId)
                .setParameter(3, i + 1)
                .setParameter(4, smscIds.size())
                .setParameter(5, at)
                .executeUpdate();
            @SuppressWarnings("unchecked")
            List<String> receipt =
                em.createNativeQuery(
                        "SELECT receipt_status FROM sms_submission WHERE smsc_message_id = ?1"
                            + " AND receipt_status IS NOT NULL",
                        String.class)
                    .setParameter(1, smscIds.get(i))
                    .getResultList();
            if (undelivered.isEmpty()) {
              undelivered = receipt.stream().filter(UNDELIVERED::contains).findFirst();
            }
          }
          return undelivered;
        });
  }

  /**
   * Records a delivery receipt.
   *
   * @return the outbox message to try again, when the receipt says its text was not delivered and
   *     its submission is known
   */
  public Optional<Long> receipt(String smscMessageId, String state, Instant at) {
    return unit.call(
        em -> {
          em.createNativeQuery(
                  "INSERT INTO sms_submission (smsc_message_id, receipt_status, receipt_at)"
                      + " VALUES (?1, ?2, ?3) ON DUPLICATE KEY UPDATE"
                      + " receipt_status = VALUES(receipt_status), receipt_at = VALUES(receipt_at)")
              .setParameter(1, smscMessageId)
              .setParameter(2, state)
              .setParameter(3, at)
              .executeUpdate();
          if (!UNDELIVERED.contains(state)) {
            return Optional.empty();
          }
          @SuppressWarnings("unchecked")
          List<Long> outbox =
              em.createNativeQuery(
                      "SELECT outbox_message_id FROM sms_submission WHERE smsc_message_id = ?1"
                          + " AND outbox_message_id IS NOT NULL",
                      Long.class)
                  .setParameter(1, smscMessageId)
                  .getResultList();
          return outbox.stream().findFirst();
        });
  }

  /** The parts recorded for an outbox message, in order, each with its receipt so far. */
  public List<Submission> of(long outboxMessageId) {
    return unit.call(
        em -> {
          @SuppressWarnings("unchecked")
          List<Object[]> rows =
              em.createNativeQuery(
                      "SELECT smsc_message_id, part, parts, receipt_status FROM sms_submission"
                          + " WHERE outbox_message_id = ?1 ORDER BY submitted_at, part")
                  .setParameter(1, outboxMessageId)
                  .getResultList();
          return rows.stream()
              .map(
                  r ->
                      new Submission(
                          (String) r[0],
                          ((Number) r[1]).intValue(),
                          ((Number) r[2]).intValue(),
                          Optional.ofNullable((String) r[3])))
              .toList();
        });
  }
}
