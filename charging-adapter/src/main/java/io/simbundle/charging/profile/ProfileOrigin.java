package io.simbundle.charging.profile;

import java.util.Objects;

/**
 * Where a subscriber's charging profile came from: the catalog version that defines their card and
 * the rule-set version that decided their gifts. Every charging decision records it, so a reason
 * can be traced to the rules that were in force — not to those in force when someone asks.
 *
 * @param catalogVersion the catalog version, e.g. {@code 2026.11}; empty when not told
 * @param ruleSetVersion the rule-set version, e.g. {@code r3-5f2a0c9e1b7d}; empty when not told
 */
public record ProfileOrigin(String catalogVersion, String ruleSetVersion) {

  /** A profile installed without saying where it came from. */
  public static final ProfileOrigin UNRECORDED = new ProfileOrigin("", "");

  /** A Jackson value filter: true (leave out) for an unrecorded origin. */
  static final class Unrecorded {
    @Override
    public boolean equals(Object value) {
      return value == null || UNRECORDED.equals(value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }

  public ProfileOrigin {
    Objects.requireNonNull(catalogVersion);
    Objects.requireNonNull(ruleSetVersion);
    if (catalogVersion.length() > 64 || ruleSetVersion.length() > 64) {
      throw new IllegalArgumentException("a catalog or rule-set version has at most 64 characters");
    }
  }
}
