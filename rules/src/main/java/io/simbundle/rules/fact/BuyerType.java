package io.simbundle.rules.fact;

/**
 * The B2B2C type of a buyer: whether they are new to the operator and new to the partner. Types: 1
 * existing/existing, 2 existing operator user new to the partner, 3 new to the operator but an
 * existing partner user, 4 new to both.
 */
public final class BuyerType {
  private final boolean newOperatorUser;
  private final boolean newPartnerUser;

  public BuyerType(boolean newOperatorUser, boolean newPartnerUser) {
    this.newOperatorUser = newOperatorUser;
    this.newPartnerUser = newPartnerUser;
  }

  public boolean isNewOperatorUser() {
    return newOperatorUser;
  }

  public boolean isNewPartnerUser() {
    return newPartnerUser;
  }

  public int getType() {
    return 1 + (newPartnerUser ? 1 : 0) + (newOperatorUser ? 2 : 0);
  }
}
