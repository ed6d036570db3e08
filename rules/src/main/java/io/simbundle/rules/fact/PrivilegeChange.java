package io.simbundle.rules.fact;

/**
 * A subscriber asks to change the privileges of a card they hold.
 *
 * @see io.simbundle.rules.RulesService#checkPrivilegeChange
 */
public final class PrivilegeChange {
  private final int changesThisCycle;
  private final String nextCycle;

  /**
   * @param changesThisCycle changes already asked for in the current billing cycle
   * @param nextCycle the first cycle a further change could be asked in, e.g. {@code 2026-12}
   */
  public PrivilegeChange(int changesThisCycle, String nextCycle) {
    this.changesThisCycle = changesThisCycle;
    this.nextCycle = nextCycle;
  }

  public int getChangesThisCycle() {
    return changesThisCycle;
  }

  public String getNextCycle() {
    return nextCycle;
  }
}
