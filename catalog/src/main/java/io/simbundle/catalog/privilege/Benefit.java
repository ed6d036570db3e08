package io.simbundle.catalog.privilege;

/** What a privilege gives; one record per {@link PrivilegeKind}. */
public sealed interface Benefit permits ZeroRating, TrafficGift, PartnerPerk, SponsoredCalls {
  PrivilegeKind kind();
}
