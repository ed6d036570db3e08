package io.simbundle.charging.account;

import java.util.Objects;

/**
 * One thing charging decided for a subscriber — a grant, a debit, a refund or a denial — with its
 * reason, recorded as it is decided: "why was this charged?" is answered from what was true then,
 * never from today's profile. The account collects them; the journal keeps them with the request's
 * other effects.
 *
 * @param service data, call time or SMS
 * @param ratingGroup the rating group; 0 when the request named none
 * @param action granted, debited, refunded or denied
 * @param reason why this source paid, or why nothing did
 * @param reference the privilege, gift or plan item the reason names; empty when none
 * @param partnerCode the partner sponsoring it; empty when none
 * @param units bytes, seconds or messages; 0 for a denial
 */
public record Decision(
    Service service,
    long ratingGroup,
    Action action,
    Reason reason,
    String reference,
    String partnerCode,
    long units) {

  /** What is charged, and in which units. */
  public enum Service {
    /** Bytes. */
    DATA,
    /** Seconds of calls. */
    VOICE,
    /** Messages. */
    SMS
  }

  /** What was done. */
  public enum Action {
    /** Units reserved for a session (a grant of quota). */
    GRANT,
    /** Units used, taken from a balance. */
    DEBIT,
    /** Units put back (an SMS that could not be delivered). */
    REFUND,
    /** Nothing granted. */
    DENIAL
  }

  public Decision {
    Objects.requireNonNull(service);
    Objects.requireNonNull(action);
    Objects.requireNonNull(reason);
    Objects.requireNonNull(reference);
    Objects.requireNonNull(partnerCode);
  }

  static Decision of(Service service, long ratingGroup, Action action, Reason reason, long units) {
    return new Decision(service, ratingGroup, action, reason, "", "", units);
  }
}
