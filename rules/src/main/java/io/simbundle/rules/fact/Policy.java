package io.simbundle.rules.fact;

/**
 * The operator's configurable limits.
 *
 * @param minimumAge the youngest a buyer may be, in whole years
 * @param maxActiveCardsPerId how many active cards one ID number may hold across the operator
 */
public final class Policy {
  private final int minimumAge;
  private final int maxActiveCardsPerId;

  public Policy(int minimumAge, int maxActiveCardsPerId) {
    this.minimumAge = minimumAge;
    this.maxActiveCardsPerId = maxActiveCardsPerId;
  }

  public static Policy defaults() {
    return new Policy(16, 5);
  }

  public int getMinimumAge() {
    return minimumAge;
  }

  public int getMaxActiveCardsPerId() {
    return maxActiveCardsPerId;
  }
}
