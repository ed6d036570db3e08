package io.simbundle.catalog.privilege;

/** How often a traffic gift is granted. */
public enum Recurrence {
  /** Granted once, when the subscription starts. */
  ONCE,
  /** Granted anew at the start of every billing cycle. */
  MONTHLY
}
