package io.simbundle.catalog.privilege;

import java.util.Set;

/**
 * Call minutes the partner sponsors: calls to numbers that start with one of the prefixes (the
 * partner's call gateway, its service numbers) are charged to these minutes before the plan's, and
 * the partner settles them.
 *
 * @param minutesPerCycle the sponsored minutes per billing cycle
 * @param calledPrefixes the called numbers covered, as E.164 digit prefixes (e.g. {@code 8610659})
 */
public record SponsoredCalls(int minutesPerCycle, Set<String> calledPrefixes) implements Benefit {

  /** The most minutes a cycle can hold: every minute of a 31-day month. */
  public static final int MAX_MINUTES = 31 * 24 * 60;

  public SponsoredCalls {
    calledPrefixes = Set.copyOf(calledPrefixes);
    if (minutesPerCycle < 1 || minutesPerCycle > MAX_MINUTES) {
      throw new IllegalArgumentException("sponsored minutes are 1 to " + MAX_MINUTES);
    }
    if (calledPrefixes.isEmpty()
        || calledPrefixes.stream().anyMatch(p -> !p.matches("\\d{1,15}"))) {
      throw new IllegalArgumentException("called prefixes are 1 to 15 digits, at least one");
    }
  }

  @Override
  public PrivilegeKind kind() {
    return PrivilegeKind.SPONSORED_CALLS;
  }
}
