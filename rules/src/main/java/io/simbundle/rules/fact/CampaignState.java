package io.simbundle.rules.fact;

import java.util.Set;

/** A presale campaign at the moment of the decision. */
public final class CampaignState {
  private final String code;
  private final boolean known;
  private final String productCode;
  private final boolean open;
  private final long remainingStock;
  private final int perBuyerLimit;
  private final int maxItemsPerOrder;
  private final Set<String> provinces;
  private final Set<String> channels;

  /**
   * @param code the campaign's code
   * @param known whether the catalog has it
   * @param productCode the card it sells
   * @param open whether its sale window is open now
   * @param remainingStock cards left to sell
   * @param perBuyerLimit cards one ID number may order
   * @param maxItemsPerOrder cards one order may hold
   * @param provinces where buyers may be; empty means wherever the product is sold
   * @param channels the store channels that sell it
   */
  public CampaignState(
      String code,
      boolean known,
      String productCode,
      boolean open,
      long remainingStock,
      int perBuyerLimit,
      int maxItemsPerOrder,
      Set<String> provinces,
      Set<String> channels) {
    this.code = code;
    this.known = known;
    this.productCode = productCode;
    this.open = open;
    this.remainingStock = remainingStock;
    this.perBuyerLimit = perBuyerLimit;
    this.maxItemsPerOrder = maxItemsPerOrder;
    this.provinces = Set.copyOf(provinces);
    this.channels = Set.copyOf(channels);
  }

  public String getCode() {
    return code;
  }

  public boolean isKnown() {
    return known;
  }

  public String getProductCode() {
    return productCode;
  }

  public boolean isOpen() {
    return open;
  }

  public long getRemainingStock() {
    return remainingStock;
  }

  public int getPerBuyerLimit() {
    return perBuyerLimit;
  }

  public int getMaxItemsPerOrder() {
    return maxItemsPerOrder;
  }

  public Set<String> getProvinces() {
    return provinces;
  }

  public Set<String> getChannels() {
    return channels;
  }
}
