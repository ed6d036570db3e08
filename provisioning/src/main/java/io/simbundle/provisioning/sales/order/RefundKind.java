package io.simbundle.provisioning.sales.order;

/** Why money goes back to a buyer. */
public enum RefundKind {
  /** The order was cancelled after something was paid. */
  CANCELLED_ORDER("cancelledOrder"),
  /** The activated card came back within its campaign's return window. */
  RETURNED_CARD("returnedCard"),
  /** The final payment never came and the campaign pays unpaid deposits back. */
  UNPAID_DEPOSIT("unpaidDeposit");

  private final String apiName;

  RefundKind(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }
}
