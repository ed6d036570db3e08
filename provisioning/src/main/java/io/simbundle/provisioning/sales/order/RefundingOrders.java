package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.DatabaseFailures;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import jakarta.persistence.PersistenceException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Refunding an order (TMF676): money back on a cancelled order, or on a completed one whose card
 * came back within its return window, which ends its subscription. Load the order locked, let it
 * take the refund, store the refund, publish; a store's refund id asked again returns the first.
 */
final class RefundingOrders {

  private final OrderRoom room;
  private final Refunds refunds;
  private final OrderDrafts codes;
  private volatile CardReturns returns = CardReturns.NONE;

  RefundingOrders(OrderRoom room, Refunds refunds, OrderDrafts codes) {
    this.room = room;
    this.refunds = refunds;
    this.codes = codes;
  }

  void takeReturnsThrough(CardReturns returns) {
    this.returns = returns;
  }

  RefundOutcome refund(RefundRequest request, Actor actor) {
    try {
      return refundOnce(request, actor);
    } catch (PersistenceException e) {
      // The same refund id asked twice at once: the unique key let one in; the other finds it.
      if (DatabaseFailures.causedBy(e, SQLIntegrityConstraintViolationException.class)) {
        return room.unit()
            .call(em -> earlier(request, room.orders().lock(request.orderCode())))
            .orElseThrow(() -> e);
      }
      throw e;
    }
  }

  private RefundOutcome refundOnce(RefundRequest request, Actor actor) {
    long[] terminated = {-1};
    RefundOutcome outcome =
        room.unit()
            .call(
                em -> {
                  ProductOrder order = ownOrder(request);
                  Optional<RefundOutcome> first = earlier(request, order);
                  if (first.isPresent()) {
                    return first.get();
                  }
                  RefundKind kind = order.refundKind();
                  String code = codes.newCode();
                  Instant now = room.clock().instant();
                  OrderChange change = order.refund(request.amountFen(), kind, code, now);
                  if (kind == RefundKind.RETURNED_CARD) {
                    terminated[0] = returns.terminate(order, request.reason(), actor);
                  }
                  Refund refund =
                      new Refund(
                          code,
                          order,
                          request.correlatorId(),
                          kind,
                          request.amountFen(),
                          request.reason(),
                          actor.name(),
                          now);
                  refunds.add(refund);
                  room.changes().publish(order, change, actor);
                  return new RefundOutcome(refund.view(order.orderCode()), true);
                });
    if (terminated[0] >= 0) {
      returns.afterCommit(terminated[0]);
    }
    return outcome;
  }

  /**
   * Pays back an expired order's deposit, when its campaign says so, in the caller's transaction.
   */
  void refundDeposit(ProductOrder order, Instant now) {
    String code = codes.newCode();
    long amount = order.amountPaidFen;
    OrderChange change = order.refund(amount, RefundKind.UNPAID_DEPOSIT, code, now);
    refunds.add(
        new Refund(
            code,
            order,
            "deposit-" + order.orderCode(),
            RefundKind.UNPAID_DEPOSIT,
            amount,
            "the final payment never came; the campaign pays deposits back",
            Actor.SYSTEM.name(),
            now));
    room.changes().publish(order, change, Actor.SYSTEM);
  }

  /**
   * The order, locked; a store asking about another store's order is told it does not exist.
   *
   * @throws ProvisioningException not found; invalid for an order of several cards, whose cards are
   *     refunded one by one
   */
  private ProductOrder ownOrder(RefundRequest request) {
    List<ProductOrder> cards = room.orders().lockWithItems(request.orderCode());
    ProductOrder order = cards.get(0);
    if (request.store().isPresent() && !request.store().get().equals(order.channel)) {
      throw ProvisioningException.notFound("no order " + request.orderCode());
    }
    if (cards.size() > 1) {
      // Each card was paid, and is returned, on its own: its refund is its own record.
      throw new ProvisioningException(
          ProvisioningException.Kind.INVALID,
          "refund-per-card",
          "order "
              + request.orderCode()
              + " holds "
              + cards.size()
              + " cards; a refund is for one of them: "
              + request.orderCode()
              + "-1 to "
              + request.orderCode()
              + "-"
              + cards.size());
    }
    return order;
  }

  /**
   * The refund this request's id made before, if any.
   *
   * @throws ProvisioningException a conflict when the id was used for another order or amount
   */
  private Optional<RefundOutcome> earlier(RefundRequest request, ProductOrder order) {
    return refunds
        .byCorrelator(order.channel, request.correlatorId())
        .map(
            refund -> {
              if (!refund.sameAs(request, order)) {
                throw ProvisioningException.conflict(
                    "refund-id-reused",
                    "refund id "
                        + request.correlatorId()
                        + " was used for another refund ("
                        + refund.amountFen
                        + " fen)");
              }
              return new RefundOutcome(refund.view(order.orderCode()), false);
            });
  }
}
