package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.order.ProductOrder;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Charging each active subscription its plan's monthly fee once per billing cycle: the fee of the
 * catalog version governing it that month, payable by the credit payer of an order on credit (for
 * as many months as its instalment plan says, each asked of the payer through the outbox), with the
 * order for the month of activation, or by the holder. Each subscription in its own transaction;
 * the unique key on (subscription, cycle) keeps two nodes from charging one twice.
 */
final class ChargingMonthlyFees {

  private static final Logger log = LoggerFactory.getLogger(ChargingMonthlyFees.class);

  private final SubscriptionRoom room;
  private final CollectionRequests collections;

  ChargingMonthlyFees(SubscriptionRoom room, CollectionRequests collections) {
    this.room = room;
    this.collections = collections;
  }

  /**
   * Charges up to {@code atMost} subscriptions not yet charged this cycle.
   *
   * @return how many were charged
   */
  int chargeDue(int atMost) {
    Instant now = room.clock().instant();
    YearMonth cycle = ChargingProfiles.cycleOf(now);
    List<Long> due = room.unit().call(em -> room.subscriptions().withoutFee(cycle, atMost));
    int charged = 0;
    for (long id : due) {
      try {
        charged +=
            room.unit().call(em -> charge(room.subscriptions().lock(id), cycle, now)) ? 1 : 0;
      } catch (RuntimeException e) {
        // Another node charged it first (the unique key), or it cannot be priced: the others go on.
        log.warn("monthly fee of product {} for {} not charged: {}", id, cycle, e.getMessage());
      }
    }
    if (charged > 0) {
      log.info("{} monthly fee(s) charged for {}", charged, cycle);
    }
    return charged;
  }

  private boolean charge(ProductEntity product, YearMonth cycle, Instant now) {
    if (product.status() != ProductStatus.ACTIVE
        || room.subscriptions().feeCharged(product.id, cycle)) {
      return false;
    }
    CatalogVersion governing = room.grants().governing(product, now);
    long fee = room.grants().offering(product, governing).plan().monthlyFeeFen();
    ProductOrder order = room.orders().byId(product.orderId);
    int instalment = room.subscriptions().creditFees(product.id) + 1;
    boolean onCredit =
        order.creditPayer() != null
            && (order.instalmentMonths() == 0 || instalment <= order.instalmentMonths());
    String payer;
    if (onCredit) {
      payer = order.creditPayer();
    } else if (ChargingProfiles.cycleOf(product.activatedAt).equals(cycle)) {
      payer = MonthlyFee.PAID_WITH_ORDER;
    } else {
      payer = MonthlyFee.HOLDER;
    }
    MonthlyFee charged =
        onCredit
            ? MonthlyFee.onCredit(product, cycle, governing.version(), fee, payer, instalment, now)
            : new MonthlyFee(product, cycle, governing.version(), fee, payer, now);
    room.subscriptions().addFee(charged);
    if (onCredit) {
      collections.ask(charged, order, now);
    }
    room.changes()
        .record(
            product,
            Optional.of(product.status),
            "monthly fee of "
                + fee
                + " fen for "
                + cycle
                + " (catalog "
                + governing.version()
                + "), payable by "
                + payer,
            Actor.SYSTEM,
            now);
    return true;
  }
}
