package io.simbundle.catalog.campaign;

/**
 * What an order in a campaign does when the partner's platform does not say in time whether the
 * buyer is new to it.
 */
public enum WhenPartnerSilent {
  /** The order is refused, to be tried again; nothing is stored. */
  REFUSE,
  /** The buyer is taken as an existing user of the partner: no new-user offers. */
  TREAT_AS_EXISTING
}
