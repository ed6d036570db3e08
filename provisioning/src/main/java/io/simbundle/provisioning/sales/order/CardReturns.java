package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;

/**
 * Ends the subscription of a card that came back after activation: the subscription room's side of
 * a return, called by a refund in its own transaction.
 */
public interface CardReturns {

  /**
   * Terminates the subscription the order's card was activated for, in the caller's transaction.
   *
   * @return the subscription, for {@link #afterCommit}
   */
  long terminate(ProductOrder order, String reason, Actor actor);

  /** Brings charging in step once the termination is committed (its traffic is barred). */
  void afterCommit(long productId);

  /** Before the subscription room is wired: no card can be returned yet. */
  CardReturns NONE =
      new CardReturns() {
        @Override
        public long terminate(ProductOrder order, String reason, Actor actor) {
          throw new IllegalStateException("no subscription room takes returned cards");
        }

        @Override
        public void afterCommit(long productId) {}
      };
}
