package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A credit payer's answers and their consequences: a fee paid or declined by the payer's signed
 * callback; a fee still unpaid once the grace has passed suspends its subscription (Gy answers
 * 4010), and paying it restores the subscription. Charging is brought in step after each commit.
 */
final class CollectingFees {

  private static final Logger log = LoggerFactory.getLogger(CollectingFees.class);

  private final SubscriptionRoom room;
  private final ChargingSync charging;

  CollectingFees(SubscriptionRoom room, ChargingSync charging) {
    this.room = room;
    this.charging = charging;
  }

  /**
   * Records the payer's answer about one of its fees.
   *
   * @throws ProvisioningException not found for an unknown fee or another payer's, a conflict when
   *     it was paid already, or is reversed without having been paid
   */
  FeeCollection record(
      String payer, long feeId, CollectionOutcome outcome, String reference, Actor actor) {
    boolean paid = outcome == CollectionOutcome.PAID;
    Instant now = room.clock().instant();
    long[] restored = {-1};
    FeeCollection answered =
        room.unit()
            .call(
                em -> {
                  MonthlyFee fee =
                      room.subscriptions()
                          .lockFee(feeId)
                          .filter(f -> f.payer.equals(payer))
                          .orElseThrow(
                              () ->
                                  ProvisioningException.notFound(
                                      "no fee " + feeId + " of " + payer));
                  boolean wasSuspending = fee.unpaidAndSuspending();
                  fee.collected(outcome, reference, now);
                  ProductEntity product = room.subscriptions().lock(fee.productId);
                  String what =
                      "monthly fee for "
                          + fee.cycle
                          + " "
                          + outcome.apiName()
                          + " by "
                          + payer
                          + " (reference "
                          + reference
                          + ")";
                  if (paid && wasSuspending && product.status() == ProductStatus.SUSPENDED) {
                    room.changes().move(product, ProductStatus.ACTIVE, what, actor, now);
                    restored[0] = product.id;
                  } else {
                    room.changes().record(product, Optional.of(product.status), what, actor, now);
                  }
                  return new FeeCollection(
                      fee.id, fee.cycle, fee.amountFen, fee.collection, product.status());
                });
    if (restored[0] >= 0) {
      // After the commit: a charging outage must not undo the restoration; the next sync retries.
      charging.bringUp(restored[0]);
    }
    return answered;
  }

  /**
   * Suspends the subscriptions whose credit fee is still unpaid {@code grace} after it was asked.
   *
   * @return how many were suspended
   */
  int suspendOverdue(Duration grace, int atMost) {
    Instant now = room.clock().instant();
    List<Long> overdue =
        room.unit().call(em -> room.subscriptions().overdueCreditFees(now.minus(grace), atMost));
    List<Long> suspended = new ArrayList<>();
    for (long feeId : overdue) {
      room.unit()
          .run(
              em -> {
                MonthlyFee fee = room.subscriptions().lockFee(feeId).orElseThrow();
                if (fee.suspendedAt != null || MonthlyFee.PAID.equals(fee.collection)) {
                  return;
                }
                fee.suspendedAt = now;
                ProductEntity product = room.subscriptions().lock(fee.productId);
                if (product.status() == ProductStatus.ACTIVE) {
                  room.changes()
                      .move(
                          product,
                          ProductStatus.SUSPENDED,
                          "monthly fee for "
                              + fee.cycle
                              + " not paid by "
                              + fee.payer
                              + " within "
                              + grace.toDays()
                              + " days",
                          Actor.SYSTEM,
                          now);
                  suspended.add(product.id);
                }
              });
    }
    // After the commits: a charging outage must not undo a suspension; the next sync bars it then.
    suspended.forEach(charging::bringUp);
    if (!suspended.isEmpty()) {
      log.info(
          "{} subscription(s) suspended for credit fees unpaid past the grace", suspended.size());
    }
    return suspended.size();
  }
}
