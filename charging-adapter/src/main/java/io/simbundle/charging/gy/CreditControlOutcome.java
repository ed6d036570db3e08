package io.simbundle.charging.gy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Credit-Control-Answer says, kept so that a retransmitted request gets exactly the same
 * answer.
 *
 * @param resultCode the command-level Result-Code
 * @param requestType the CC-Request-Type answered
 * @param requestNumber the CC-Request-Number answered
 * @param failedAvp the AVP code a 5004/5005 is about
 * @param mscc the answers per rating group
 * @param event what the answer to a charging event (SMS) says besides its Result-Code
 */
public record CreditControlOutcome(
    long resultCode,
    int requestType,
    long requestNumber,
    Optional<Integer> failedAvp,
    List<MsccOutcome> mscc,
    Optional<EventOutcome> event) {

  /** An answer to a session request, or an error. */
  public CreditControlOutcome(
      long resultCode,
      int requestType,
      long requestNumber,
      Optional<Integer> failedAvp,
      List<MsccOutcome> mscc) {
    this(resultCode, requestType, requestNumber, failedAvp, mscc, Optional.empty());
  }

  public CreditControlOutcome {
    Objects.requireNonNull(failedAvp);
    mscc = List.copyOf(mscc);
    // Answers journalled before events were charged have no such part.
    event = event == null ? Optional.empty() : event;
  }

  public static CreditControlOutcome error(
      long resultCode, int requestType, long requestNumber, int failedAvp) {
    return new CreditControlOutcome(
        resultCode, requestType, requestNumber, Optional.of(failedAvp), List.of());
  }
}
