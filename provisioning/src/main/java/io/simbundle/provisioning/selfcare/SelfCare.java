package io.simbundle.provisioning.selfcare;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.identity.OneTimeCodes;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.Message;
import io.simbundle.provisioning.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Subscribers signing in to self-care with their number and a code sent to it by SMS: the code goes
 * out through the outbox (kind {@value #CODE_KIND}) in the transaction that makes it, a right code
 * opens a session of {@link #SESSION}, and every sign-in and refused code is audited on the
 * subscription. A number nobody holds is answered exactly like a subscriber's, and gets no SMS.
 */
public final class SelfCare {

  /** The outbox kind of a sign-in code. */
  public static final String CODE_KIND = "code.sign-in";

  /** How long a session lasts after its sign-in. */
  public static final Duration SESSION = Duration.ofMinutes(30);

  private static final Actor SUBSCRIBER = Actor.SUBSCRIBER;

  /** A signed-in session: the cookie's token (never stored as it is) and whose it is. */
  public record Session(String token, long productId, Instant expiresAt) {
    @Override
    public String toString() {
      return "Session[product " + productId + ", until " + expiresAt + ", token hidden]";
    }
  }

  private final PersistenceUnit unit;
  private final OneTimeCodes codes;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final Function<String, Optional<Long>> activeSubscriptionOf;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param activeSubscriptionOf the active subscription on a number, if any
   */
  public SelfCare(
      PersistenceUnit unit,
      OneTimeCodes codes,
      Outbox outbox,
      AuditTrail audit,
      Function<String, Optional<Long>> activeSubscriptionOf,
      Clock clock) {
    this.unit = unit;
    this.codes = codes;
    this.outbox = outbox;
    this.audit = audit;
    this.activeSubscriptionOf = activeSubscriptionOf;
    this.clock = clock;
  }

  /**
   * Sends a sign-in code to a number an active subscription holds; does the same, but sends
   * nothing, for any other number.
   *
   * @throws ProvisioningException 429 when the number or the address asked too often
   */
  public void requestCode(String msisdn, String address) {
    Instant now = clock.instant();
    Optional<Long> subscription = activeSubscriptionOf.apply(msisdn);
    unit.run(
        em -> {
          OneTimeCodes.Made made =
              codes.make(msisdn, address, OneTimeCodes.Purpose.SIGN_IN, subscription, now);
          subscription.ifPresent(
              id ->
                  outbox.write(
                      new Message(
                          Destination.subscriber(id),
                          CODE_KIND,
                          Map.of(
                              "code", made.code(), "validMinutes", OneTimeCodes.VALID.toMinutes()),
                          now)));
        });
  }

  /**
   * Signs in with the code sent to the number.
   *
   * @throws ProvisioningException 401 when the code is wrong, expired, used up or was never sent
   */
  public Session signIn(String msisdn, String code) {
    Instant now = clock.instant();
    OneTimeCodes.Checked checked =
        unit.call(em -> codes.check(msisdn, code, OneTimeCodes.Purpose.SIGN_IN, now));
    Optional<Long> subscription = activeSubscriptionOf.apply(msisdn);
    if (checked instanceof OneTimeCodes.Wrong wrong) {
      subscription.ifPresent(
          id ->
              unit.run(
                  em ->
                      audit.record(
                          AuditTrail.Subject.PRODUCT,
                          id,
                          Optional.empty(),
                          "sign-in-refused",
                          SUBSCRIBER,
                          "self-care code refused; " + wrong.triesLeft() + " tries left",
                          now)));
      throw ProvisioningException.unauthorized(
          "code-refused",
          wrong.triesLeft() > 0
              ? "the code is wrong; " + wrong.triesLeft() + " tries left"
              : "no valid code for this number: ask for a new one");
    }
    long productId = ((OneTimeCodes.Right) checked).subject();
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant until = now.plus(SESSION);
    unit.run(
        em -> {
          em.createNativeQuery(
                  "INSERT INTO self_care_session (token_digest, product_id, created_at, expires_at)"
                      + " VALUES (?1, ?2, ?3, ?4)")
              .setParameter(1, sha256(token))
              .setParameter(2, productId)
              .setParameter(3, now)
              .setParameter(4, until)
              .executeUpdate();
          audit.record(
              AuditTrail.Subject.PRODUCT,
              productId,
              Optional.empty(),
              "signed-in",
              SUBSCRIBER,
              "self-care sign-in with a code sent to the number",
              now);
        });
    return new Session(token, productId, until);
  }

  /** The subscription a session token signs in to, while the session lasts. */
  public Optional<Long> signedIn(String token) {
    if (token == null || token.isEmpty() || token.length() > 64) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Number> found =
        unit.call(
            em ->
                em.createNativeQuery(
                        "SELECT product_id FROM self_care_session WHERE token_digest = ?1"
                            + " AND expires_at > ?2")
                    .setParameter(1, sha256(token))
                    .setParameter(2, now)
                    .getResultList());
    return found.stream().findFirst().map(Number::longValue);
  }

  /**
   * Forgets up to {@code limit} sessions that have expired.
   *
   * @return how many were forgotten
   */
  public int forgetExpired(int limit) {
    return unit.call(
        em ->
            em.createNativeQuery("DELETE FROM self_care_session WHERE expires_at <= ?1 LIMIT ?2")
                .setParameter(1, clock.instant())
                .setParameter(2, limit)
                .executeUpdate());
  }

  /** Ends a session; nothing when there is none. */
  public void signOut(String token) {
    if (token == null || token.isEmpty()) {
      return;
    }
    unit.run(
        em ->
            em.createNativeQuery(
                    "DELETE FROM self_care_session WHERE token_digest = ?1 OR expires_at <= ?2")
                .setParameter(1, sha256(token))
                .setParameter(2, clock.instant())
                .executeUpdate());
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
