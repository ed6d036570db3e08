package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.PersistenceUnit;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** The stored refunds; every method joins its caller's transaction. */
final class Refunds {

  private final PersistenceUnit unit;

  Refunds(PersistenceUnit unit) {
    this.unit = unit;
  }

  void add(Refund refund) {
    em().persist(refund);
  }

  Optional<Refund> byCorrelator(String channel, String correlatorId) {
    return em().createQuery(
            "FROM Refund WHERE channel = :channel AND correlatorId = :id", Refund.class)
        .setParameter("channel", channel)
        .setParameter("id", correlatorId)
        .getResultStream()
        .findFirst();
  }

  Optional<Refund> byCode(String refundCode) {
    return em().createQuery("FROM Refund WHERE refundCode = :code", Refund.class)
        .setParameter("code", refundCode)
        .getResultStream()
        .findFirst();
  }

  /** An order's refunds, oldest first. */
  List<Refund> ofOrder(long orderId) {
    return em().createQuery("FROM Refund WHERE orderId = :order ORDER BY id", Refund.class)
        .setParameter("order", orderId)
        .getResultList();
  }

  private EntityManager em() {
    return unit.transaction();
  }
}
