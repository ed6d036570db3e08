package io.simbundle.charging.profile;

import java.util.Objects;
import java.util.Set;

/**
 * Call time a partner sponsors for one subscriber, from a chosen or included privilege: calls to
 * numbers starting with one of the prefixes are charged to it before the plan's minutes.
 *
 * @param privilegeCode the privilege that grants it, e.g. {@code yixin-free-calls}
 * @param partnerCode the partner that pays for it
 * @param secondsPerCycle the sponsored call time per billing cycle
 * @param calledPrefixes the called numbers covered, as E.164 digit prefixes
 */
public record SponsoredMinutes(
    String privilegeCode, String partnerCode, long secondsPerCycle, Set<String> calledPrefixes) {

  public SponsoredMinutes {
    Objects.requireNonNull(privilegeCode);
    Objects.requireNonNull(partnerCode);
    calledPrefixes = Set.copyOf(calledPrefixes);
    if (secondsPerCycle < 1) {
      throw new IllegalArgumentException("sponsored call time must be positive");
    }
  }

  /** Whether a call to {@code calledNumber} (E.164 digits) is one the partner sponsors. */
  public boolean covers(String calledNumber) {
    return calledPrefixes.stream().anyMatch(calledNumber::startsWith);
  }
}
