package io.simbundle.charging.gy;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to one Multiple-Services-Credit-Control.
 *
 * @param ratingGroup the Rating-Group answered
 * @param serviceIdentifier the Service-Identifier, when the request named one
 * @param resultCode the MSCC's own Result-Code
 * @param grantedBytes the Granted-Service-Unit volume (CC-Total-Octets); 0 when none
 * @param finalUnits whether a Final-Unit-Indication goes with it
 * @param validitySeconds the Validity-Time
 * @param thresholdBytes the Volume-Quota-Threshold: report again when this much is left
 * @param grantedSeconds the Granted-Service-Unit time (CC-Time) of a call; 0 when none
 */
public record MsccOutcome(
    long ratingGroup,
    Optional<Long> serviceIdentifier,
    long resultCode,
    long grantedBytes,
    boolean finalUnits,
    long validitySeconds,
    long thresholdBytes,
    long grantedSeconds) {

  /** The answer for data: volume only. */
  public MsccOutcome(
      long ratingGroup,
      Optional<Long> serviceIdentifier,
      long resultCode,
      long grantedBytes,
      boolean finalUnits,
      long validitySeconds,
      long thresholdBytes) {
    this(
        ratingGroup,
        serviceIdentifier,
        resultCode,
        grantedBytes,
        finalUnits,
        validitySeconds,
        thresholdBytes,
        0);
  }

  public MsccOutcome {
    Objects.requireNonNull(serviceIdentifier);
  }
}
