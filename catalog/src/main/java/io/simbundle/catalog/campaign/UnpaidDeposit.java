package io.simbundle.catalog.campaign;

/** What becomes of a presale deposit when the final payment never comes. */
public enum UnpaidDeposit {
  /** The buyer forfeits it (定金不退), the usual term of a presale. */
  KEPT,
  /** It is paid back: the engine records a refund owed to the buyer. */
  REFUNDED
}
