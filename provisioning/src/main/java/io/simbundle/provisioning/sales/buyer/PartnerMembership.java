package io.simbundle.provisioning.sales.buyer;

/**
 * Whether a buyer is already a user of the partner, as the partner's own platform says (WeChat for
 * Tencent, Taobao for Alibaba …): the one fact the engine's records cannot know.
 */
public interface PartnerMembership {

  /** What the partner's platform said. */
  sealed interface Answer {}

  /**
   * The platform answered.
   *
   * @param cached whether the answer was kept from an earlier question about the same buyer
   */
  record Known(boolean newUser, boolean cached) implements Answer {}

  /** The partner has no platform to ask: the store's word is all there is. */
  record NoPlatform() implements Answer {}

  /** The platform did not answer in time, refused, or answered what cannot be read. */
  record Silent(String why) implements Answer {}

  /**
   * Asks the partner's platform about a buyer.
   *
   * @param idNumber the buyer's ID number (personal data: it leaves only as a keyed digest)
   */
  Answer ask(String partnerCode, String idNumber);

  /** No partner has a platform to ask. */
  PartnerMembership NONE = (partner, idNumber) -> new NoPlatform();
}
