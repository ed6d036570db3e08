package io.simbundle.rules.fact;

/**
 * An order placed in a presale campaign, for the gift decision.
 *
 * @param campaignCode the campaign
 * @param sequence the order's position among the campaign's orders, 1 for the first
 * @param minutesSinceSaleStart minutes between the sale's start and the order
 */
public final class PresaleOrder {
  private final String campaignCode;
  private final long sequence;
  private final long minutesSinceSaleStart;

  public PresaleOrder(String campaignCode, long sequence, long minutesSinceSaleStart) {
    this.campaignCode = campaignCode;
    this.sequence = sequence;
    this.minutesSinceSaleStart = minutesSinceSaleStart;
  }

  public String getCampaignCode() {
    return campaignCode;
  }

  public long getSequence() {
    return sequence;
  }

  public long getMinutesSinceSaleStart() {
    return minutesSinceSaleStart;
  }
}
