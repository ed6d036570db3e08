package io.simbundle.rules.fact;

/** A privilege menu and how many of its options were chosen. */
public final class MenuChoice {
  private final int lowerLimit;
  private final int upperLimit;
  private final int chosen;

  public MenuChoice(int lowerLimit, int upperLimit, int chosen) {
    this.lowerLimit = lowerLimit;
    this.upperLimit = upperLimit;
    this.chosen = chosen;
  }

  public int getLowerLimit() {
    return lowerLimit;
  }

  public int getUpperLimit() {
    return upperLimit;
  }

  public int getChosen() {
    return chosen;
  }
}
