package io.simbundle.charging.store;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.profile.ChargingProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * The key of a decision row: a subscriber's decisions of one hour with the same service, rating
 * group, action, reason, catalog and rule-set version are folded into one row, as usage is folded
 * per day — a busy subscriber makes thousands of decisions an hour and a few distinct reasons. In
 * the journal a key is written as an array, in the order declared: a batch carries many.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({
  "msisdn",
  "hour",
  "service",
  "ratingGroup",
  "action",
  "reason",
  "reference",
  "partnerCode",
  "catalogVersion",
  "ruleSetVersion"
})
record DecisionKey(
    String msisdn,
    Instant hour,
    Decision.Service service,
    long ratingGroup,
    Decision.Action action,
    Reason reason,
    String reference,
    String partnerCode,
    String catalogVersion,
    String ruleSetVersion) {

  /**
   * The first 16 bytes of the SHA-256 of everything but the subscriber and the hour: the stored
   * row's key beside those two.
   */
  byte[] digest() {
    String fields =
        String.join(
            "\u0000",
            service.name(),
            Long.toString(ratingGroup),
            action.name(),
            reason.name(),
            reference,
            partnerCode,
            catalogVersion,
            ruleSetVersion);
    try {
      return Arrays.copyOf(
          MessageDigest.getInstance("SHA-256").digest(fields.getBytes(StandardCharsets.UTF_8)), 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** How many decisions of one key, and their units. */
  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  @JsonPropertyOrder({"key", "count", "units"})
  record Counted(DecisionKey key, long count, long units) {

    static Counted of(ChargingProfile profile, Instant at, Decision decision) {
      return new Counted(
          new DecisionKey(
              profile.msisdn(),
              at.truncatedTo(ChronoUnit.HOURS),
              decision.service(),
              decision.ratingGroup(),
              decision.action(),
              decision.reason(),
              decision.reference(),
              decision.partnerCode(),
              profile.origin().catalogVersion(),
              profile.origin().ruleSetVersion()),
          1,
          decision.units());
    }

    Counted plus(Counted other) {
      return new Counted(key, count + other.count, units + other.units);
    }
  }
}
