package io.simbundle.rules.fact;

import java.util.Set;

/** The card asked about, as the catalog version in question defines it. */
public final class Offer {
  private final String productCode;
  private final boolean known;
  private final String lifecycleStatus;
  private final Set<String> provinces;

  /**
   * @param productCode the card's code
   * @param known whether the catalog has it
   * @param lifecycleStatus its TMF lifecycle status, e.g. {@code Launched}
   * @param provinces where it is sold; empty means nationwide
   */
  public Offer(String productCode, boolean known, String lifecycleStatus, Set<String> provinces) {
    this.productCode = productCode;
    this.known = known;
    this.lifecycleStatus = lifecycleStatus;
    this.provinces = Set.copyOf(provinces);
  }

  public String getProductCode() {
    return productCode;
  }

  public boolean isKnown() {
    return known;
  }

  public String getLifecycleStatus() {
    return lifecycleStatus;
  }

  public Set<String> getProvinces() {
    return provinces;
  }

  public boolean isNationwide() {
    return provinces.isEmpty();
  }
}
