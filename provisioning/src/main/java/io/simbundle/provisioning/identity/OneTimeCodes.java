package io.simbundle.provisioning.identity;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.privacy.PersonalDataDigest;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Six-digit codes sent by SMS that prove a number — to sign in to self-care, to activate a card, to
 * change privileges: made and checked in {@code one_time_code}, the number, the asking address and
 * the code kept only as keyed digests. A code lasts {@link #VALID} and {@link #TRIES} tries; a
 * number gets at most one every {@link #EVERY_NUMBER} and {@link #PER_HOUR} an hour for each
 * purpose (signing in right after activating is not held up), an address {@link #PER_ADDRESS_HOUR}
 * an hour in all — counted alike for numbers nobody holds, so that no answer tells who is a
 * subscriber.
 */
public final class OneTimeCodes {

  public static final Duration VALID = Duration.ofMinutes(5);
  static final int TRIES = 5;
  static final Duration EVERY_NUMBER = Duration.ofSeconds(60);
  static final int PER_HOUR = 5;
  static final int PER_ADDRESS_HOUR = 20;

  /**
   * How long a code's row is kept: a day, well past its validity and the hour the limits count
   * back, and short enough to hold no history of who asked for codes.
   */
  public static final Duration KEPT = Duration.ofDays(1);

  /** What a code is for: a code for one purpose never serves another. */
  public enum Purpose {
    SIGN_IN,
    ACTIVATION,
    PRIVILEGE_CHANGE
  }

  /** A code made: its row, and the digits to send (never stored as they are). */
  public record Made(long id, String code) {
    @Override
    public String toString() {
      return "Made[" + id + ", code hidden]";
    }
  }

  private final PersistenceUnit unit;
  private final PersonalDataDigest digest;
  private final SecureRandom random = new SecureRandom();

  public OneTimeCodes(PersistenceUnit unit, PersonalDataDigest digest) {
    this.unit = unit;
    this.digest = digest;
  }

  private String numberDigest(String msisdn) {
    return digest.of("tel:" + msisdn);
  }

  /**
   * Makes a code for a number, in the caller's transaction.
   *
   * @param subject what the code is for: the subscription (sign-in, privilege change) or the order
   *     (activation); empty for a number nobody holds (the row only counts against the limits)
   * @throws ProvisioningException 429 when the number or the address asked too often
   */
  public Made make(
      String msisdn, String address, Purpose purpose, Optional<Long> subject, Instant now) {
    EntityManager em = unit.transaction();
    String number = numberDigest(msisdn);
    String from = digest.of("addr:" + address);
    Instant hourAgo = now.minus(Duration.ofHours(1));
    if (countForNumber(em, number, purpose, now.minus(EVERY_NUMBER)) > 0) {
      throw ProvisioningException.tooMany(
          "a code was sent to this number less than a minute ago", EVERY_NUMBER.toSeconds());
    }
    if (countForNumber(em, number, purpose, hourAgo) >= PER_HOUR) {
      throw ProvisioningException.tooMany(
          "five codes were sent to this number within the hour", 3600);
    }
    long fromAddress =
        ((Number)
                em.createNativeQuery(
                        "SELECT COUNT(*) FROM one_time_code WHERE address_digest = ?1"
                            + " AND created_at > ?2")
                    .setParameter(1, from)
                    .setParameter(2, hourAgo)
                    .getSingleResult())
            .longValue();
    if (fromAddress >= PER_ADDRESS_HOUR) {
      throw ProvisioningException.tooMany("too many codes were asked from this address", 3600);
    }
    String code = "%06d".formatted(random.nextInt(1_000_000));
    em.createNativeQuery(
            "INSERT INTO one_time_code (number_digest, address_digest, purpose, subject_id,"
                + " code_digest, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, '', ?5, ?6)")
        .setParameter(1, number)
        .setParameter(2, from)
        .setParameter(3, purpose.name())
        .setParameter(4, subject.orElse(null))
        .setParameter(5, now)
        .setParameter(6, now.plus(VALID))
        .executeUpdate();
    long id =
        ((Number) em.createNativeQuery("SELECT LAST_INSERT_ID()").getSingleResult()).longValue();
    em.createNativeQuery("UPDATE one_time_code SET code_digest = ?1 WHERE id = ?2")
        .setParameter(1, codeDigest(id, code))
        .setParameter(2, id)
        .executeUpdate();
    return new Made(id, code);
  }

  /** Codes made for a number and purpose since {@code since}. */
  private static long countForNumber(
      EntityManager em, String number, Purpose purpose, Instant since) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM one_time_code WHERE number_digest = ?1 AND purpose = ?2"
                        + " AND created_at > ?3")
                .setParameter(1, number)
                .setParameter(2, purpose.name())
                .setParameter(3, since)
                .getSingleResult())
        .longValue();
  }

  /** What a check of a code came to. */
  public sealed interface Checked {}

  /** The code is right: the subscription or order it was made for. */
  public record Right(long subject) implements Checked {}

  /** Wrong, used up, expired or never sent; {@code triesLeft} of the latest code, if any. */
  public record Wrong(int triesLeft) implements Checked {}

  /**
   * Checks {@code code} against the latest unexpired, unused code of a number, in the caller's
   * transaction: a wrong code uses up a try; the right one is used up itself.
   */
  public Checked check(String msisdn, String code, Purpose purpose, Instant now) {
    EntityManager em = unit.transaction();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT id, subject_id, code_digest, tries FROM one_time_code"
                    + " WHERE number_digest = ?1 AND purpose = ?2 AND used_at IS NULL"
                    + " AND expires_at > ?3 ORDER BY created_at DESC LIMIT 1 FOR UPDATE")
            .setParameter(1, numberDigest(msisdn))
            .setParameter(2, purpose.name())
            .setParameter(3, now)
            .getResultList();
    if (rows.isEmpty()) {
      return new Wrong(0);
    }
    long id = ((Number) rows.get(0)[0]).longValue();
    Number subject = (Number) rows.get(0)[1];
    int tries = ((Number) rows.get(0)[3]).intValue();
    if (tries >= TRIES) {
      return new Wrong(0);
    }
    boolean right = code.matches("\\d{6}") && codeDigest(id, code).equals(rows.get(0)[2]);
    if (!right || subject == null) {
      em.createNativeQuery("UPDATE one_time_code SET tries = tries + 1 WHERE id = ?1")
          .setParameter(1, id)
          .executeUpdate();
      return new Wrong(TRIES - tries - 1);
    }
    em.createNativeQuery("UPDATE one_time_code SET used_at = ?1 WHERE id = ?2")
        .setParameter(1, now)
        .setParameter(2, id)
        .executeUpdate();
    return new Right(subject.longValue());
  }

  private String codeDigest(long id, String code) {
    return digest.of("code:" + id + ":" + code);
  }

  /**
   * Forgets up to {@code limit} codes made more than {@link #KEPT} before {@code now}.
   *
   * @return how many were forgotten
   */
  public int forgetBefore(Instant now, int limit) {
    return unit.call(
        em ->
            em.createNativeQuery(
                    "DELETE FROM one_time_code WHERE created_at < ?1 ORDER BY created_at LIMIT ?2")
                .setParameter(1, now.minus(KEPT))
                .setParameter(2, limit)
                .executeUpdate());
  }
}
