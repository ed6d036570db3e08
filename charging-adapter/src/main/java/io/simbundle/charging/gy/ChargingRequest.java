package io.simbundle.charging.gy;

import io.simbundle.charging.account.Peer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A credit-control request, whichever interface brought it — Gy/Ro (RFC 4006) or Nchf converged
 * charging (TS 32.291) — as the charging function decides it: the same accounts, locks, journal,
 * retransmission rules and answers for both.
 *
 * @param sessionId the session: the Diameter Session-Id, or the Nchf ChargingDataRef
 * @param type CC-Request-Type: initial, update, termination or event (Nchf: create, update,
 *     release)
 * @param number CC-Request-Number (Nchf: invocationSequenceNumber); with the session, what makes a
 *     retransmission recognisable
 * @param msisdn the subscriber's number, when the request names it
 * @param imsi the subscriber's IMSI, when it names no number
 * @param mscc the rating groups asked and reported, for data
 * @param units an SMS or call request, charged in units of its own, instead of data
 * @param peer the client to send re-authorisations to (a Diameter peer), when known
 */
public record ChargingRequest(
    String sessionId,
    int type,
    long number,
    Optional<String> msisdn,
    Optional<String> imsi,
    List<MsccRequest> mscc,
    Optional<UnitRequest> units,
    Optional<Peer> peer) {

  public ChargingRequest {
    Objects.requireNonNull(sessionId);
    Objects.requireNonNull(msisdn);
    Objects.requireNonNull(imsi);
    mscc = List.copyOf(mscc);
    Objects.requireNonNull(units);
    Objects.requireNonNull(peer);
  }

  /** A data request: rating groups asked for and reported, no re-authorisation peer. */
  public static ChargingRequest data(
      String sessionId,
      int type,
      long number,
      Optional<String> msisdn,
      Optional<String> imsi,
      List<MsccRequest> mscc) {
    return new ChargingRequest(
        sessionId, type, number, msisdn, imsi, mscc, Optional.empty(), Optional.empty());
  }
}
