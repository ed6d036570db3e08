package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.identity.OneTimeCodes;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.Message;
import io.simbundle.provisioning.outbox.Outbox;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Where identity matters — activating a card, changing privileges — the subscriber also proves they
 * hold the number, with a code sent to it by SMS. Required whenever the engine can send SMS (an
 * SMSC is configured); without one there is no way to send a code and none is asked for.
 */
final class NumberProofs {

  private final Optional<OneTimeCodes> codes;
  private final Outbox outbox;
  private final AuditTrail audit;

  /**
   * @param codes the codes, when they are required; empty when the engine cannot send SMS
   */
  NumberProofs(Optional<OneTimeCodes> codes, Outbox outbox, AuditTrail audit) {
    this.codes = codes;
    this.outbox = outbox;
    this.audit = audit;
  }

  boolean required() {
    return codes.isPresent();
  }

  /**
   * Makes a code and its SMS, in the caller's transaction; nothing when codes are not required.
   *
   * @param subject the order (activation) or subscription (privilege change) it is for; empty for a
   *     number that holds none (nothing is sent, the request only counts against the limits)
   * @param to where the SMS goes
   */
  void send(
      String msisdn,
      String address,
      OneTimeCodes.Purpose purpose,
      Optional<Long> subject,
      Destination to,
      Instant now) {
    if (codes.isEmpty()) {
      return;
    }
    OneTimeCodes.Made made = codes.get().make(msisdn, address, purpose, subject, now);
    if (subject.isEmpty()) {
      return;
    }
    Destination destination =
        to.kind() == Destination.Kind.PHONE ? Destination.phone(made.id()) : to;
    outbox.write(
        new Message(
            destination,
            "code."
                + (purpose == OneTimeCodes.Purpose.ACTIVATION ? "activation" : "privilege-change"),
            Map.of(
                "msisdn",
                msisdn,
                "code",
                made.code(),
                "validMinutes",
                OneTimeCodes.VALID.toMinutes()),
            now));
  }

  /**
   * Checks the code given for {@code subject}, in the caller's transaction, which must commit even
   * when the code is refused (a wrong try counts, and is audited on {@code audited}).
   *
   * @return why it is refused; empty when it is right, or when codes are not required
   */
  Optional<String> refusal(
      String msisdn,
      Optional<String> code,
      OneTimeCodes.Purpose purpose,
      long subject,
      AuditTrail.Subject audited,
      Actor actor,
      Instant now) {
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> refused;
    if (code.isEmpty()) {
      refused = Optional.of("a code sent to the number is required: ask for one first");
    } else {
      OneTimeCodes.Checked checked = codes.get().check(msisdn, code.get(), purpose, now);
      if (checked instanceof OneTimeCodes.Right right && right.subject() == subject) {
        return Optional.empty();
      }
      int left = checked instanceof OneTimeCodes.Wrong wrong ? wrong.triesLeft() : 0;
      refused =
          Optional.of(
              left > 0
                  ? "the code is wrong; " + left + " tries left"
                  : "no valid code for this number: ask for a new one");
    }
    audit.record(
        audited,
        subject,
        Optional.empty(),
        "code-refused",
        actor,
        purpose.name().toLowerCase(java.util.Locale.ROOT) + " code refused: " + refused.get(),
        now);
    return refused;
  }
}
