package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditTrail;
import java.time.Instant;
import java.util.Optional;

/** Records every change of a subscription in the audit trail, in the transaction that made it. */
final class SubscriptionChanges {

  private final AuditTrail audit;
  private final NumberRecycling recycling;

  SubscriptionChanges(AuditTrail audit, NumberRecycling recycling) {
    this.audit = audit;
    this.recycling = recycling;
  }

  AuditTrail trail() {
    return audit;
  }

  /**
   * Moves a subscription through its lifecycle and records the move; one that ends gives its number
   * and card back.
   */
  void move(ProductEntity product, ProductStatus next, String reason, Actor actor, Instant at) {
    ProductEntity.StatusChange change = product.moveTo(next, reason, at);
    audit.record(
        AuditTrail.Subject.PRODUCT,
        product.id,
        Optional.of(change.from().tmfName()),
        product.status,
        actor,
        reason,
        at);
    if (next == ProductStatus.TERMINATED) {
      recycling.takeBack(product, reason, actor, at);
    }
  }

  /** Records a change that left the status as it was ({@code from} empty: a new subscription). */
  void record(ProductEntity product, Optional<String> from, String what, Actor actor, Instant at) {
    audit.record(AuditTrail.Subject.PRODUCT, product.id, from, product.status, actor, what, at);
  }
}
