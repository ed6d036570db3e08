package io.simbundle.catalog.privilege;

/** The four things a privilege can do for a subscriber. */
public enum PrivilegeKind {
  /** Partner-app traffic that costs the subscriber nothing. */
  ZERO_RATING,
  /** Free data spent before the paid allowance. */
  TRAFFIC_GIFT,
  /** A perk switched on at the partner, such as a bigger WeChat group. */
  PARTNER_PERK,
  /** Call minutes the partner sponsors for calls to numbers it names. */
  SPONSORED_CALLS
}
