package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditTrail;

/**
 * Publishes what a transition did, in the transaction that made it: the order's audit entry, and
 * the announcement to the channel the order came from.
 */
final class OrderChanges {

  private final AuditTrail audit;
  private final OrderAnnouncements announcements;

  OrderChanges(AuditTrail audit, OrderAnnouncements announcements) {
    this.audit = audit;
    this.announcements = announcements;
  }

  void publish(ProductOrder order, OrderChange change, Actor actor) {
    audit.record(
        AuditTrail.Subject.ORDER,
        order.id(),
        change.from().map(OrderState::tmfName),
        change.to().tmfName(),
        actor,
        change.reason(),
        change.at());
    if (change.announcedAs().isPresent()) {
      announcements.announce(order.announcement(change));
    }
  }
}
