package io.simbundle.provisioning.sales.buyer;

import java.util.Objects;

/**
 * Who the buyer is to the operator and to the partner, decided from facts: the B2B2C type 1–4
 * (existing or new to each) that decides offers.
 *
 * @param basis which facts decided it, in words the back office and the store read
 */
public record BuyerType(boolean newToOperator, boolean newToPartner, String basis) {

  public BuyerType {
    Objects.requireNonNull(basis);
  }

  /** 1: existing to both; 2: new to the partner; 3: new to the operator; 4: new to both. */
  public int b2b2cType() {
    return 1 + (newToPartner ? 1 : 0) + (newToOperator ? 2 : 0);
  }
}
