package io.simbundle.provisioning.subscription;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The stored subscriptions. Every method joins the transaction its caller runs in the provisioning
 * unit, so a subscription read, changed and written with its audit entry and partner notices
 * commits whole.
 */
final class Subscriptions {

  private final PersistenceUnit unit;

  Subscriptions(PersistenceUnit unit) {
    this.unit = unit;
  }

  /** Stores a new subscription and gives it its id. */
  void add(ProductEntity product) {
    EntityManager em = em();
    em.persist(product);
    em.flush();
  }

  /**
   * The subscription, locked until the transaction ends, so charging and a status change cannot
   * both act on what the other is about to change.
   *
   * @throws ProvisioningException not found
   */
  ProductEntity lock(long productId) {
    ProductEntity product =
        em().find(ProductEntity.class, productId, LockModeType.PESSIMISTIC_WRITE);
    if (product == null) {
      throw ProvisioningException.notFound("no product " + productId);
    }
    return product;
  }

  /**
   * The subscription an order's card was activated for, locked.
   *
   * @throws ProvisioningException not found
   */
  ProductEntity lockByOrder(long orderId) {
    return em().createQuery("FROM ProductEntity WHERE orderId = :order", ProductEntity.class)
        .setParameter("order", orderId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> ProvisioningException.notFound("no product for order " + orderId));
  }

  /** Active subscriptions with no monthly fee for {@code cycle} yet, oldest first. */
  List<Long> withoutFee(YearMonth cycle, int limit) {
    return em().createQuery(
            "SELECT p.id FROM ProductEntity p WHERE p.status = 'active' AND NOT EXISTS"
                + " (SELECT f.id FROM MonthlyFee f WHERE f.productId = p.id AND f.cycle = :cycle)"
                + " ORDER BY p.id",
            Long.class)
        .setParameter("cycle", cycle.toString())
        .setMaxResults(limit)
        .getResultList();
  }

  boolean feeCharged(long productId, YearMonth cycle) {
    return !em().createQuery(
            "SELECT f.id FROM MonthlyFee f WHERE f.productId = :product AND f.cycle = :cycle",
            Long.class)
        .setParameter("product", productId)
        .setParameter("cycle", cycle.toString())
        .getResultList()
        .isEmpty();
  }

  void addFee(MonthlyFee fee) {
    em().persist(fee);
  }

  /** How many monthly fees of the subscription a credit payer was asked for. */
  int creditFees(long productId) {
    return em().createQuery(
            "SELECT COUNT(f) FROM MonthlyFee f WHERE f.productId = :product"
                + " AND f.instalment IS NOT NULL",
            Long.class)
        .setParameter("product", productId)
        .getSingleResult()
        .intValue();
  }

  Optional<MonthlyFee> lockFee(long feeId) {
    return Optional.ofNullable(em().find(MonthlyFee.class, feeId, LockModeType.PESSIMISTIC_WRITE));
  }

  /** Credit fees asked or declined before {@code before}, not yet the cause of a suspension. */
  List<Long> overdueCreditFees(Instant before, int limit) {
    return em().createQuery(
            "SELECT f.id FROM MonthlyFee f WHERE f.suspendedAt IS NULL"
                + " AND ((f.collection IN ('asked', 'declined') AND f.createdAt < :before)"
                + " OR (f.collection = 'reversed' AND f.collectedAt < :before))"
                + " ORDER BY f.createdAt",
            Long.class)
        .setParameter("before", before)
        .setMaxResults(limit)
        .getResultList();
  }

  Optional<ProductEntity> find(long productId) {
    return Optional.ofNullable(em().find(ProductEntity.class, productId));
  }

  /** The active subscription on a number, locked (a number has at most one). */
  Optional<ProductEntity> lockActive(String msisdn) {
    return em().createQuery(
            "FROM ProductEntity WHERE msisdn = :msisdn AND status = 'active'", ProductEntity.class)
        .setParameter("msisdn", msisdn)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /** Subscriptions on a number, newest first (a number is reused only after termination). */
  List<ProductEntity> byMsisdn(String msisdn) {
    return em().createQuery(
            "FROM ProductEntity WHERE msisdn = :msisdn ORDER BY id DESC", ProductEntity.class)
        .setParameter("msisdn", msisdn)
        .getResultList();
  }

  /**
   * Ids of the subscriptions whose charging is behind at {@code now}: not yet installed, not
   * installed for {@code cycle}, privileges due, barred while active, or flowing while suspended or
   * terminated. The query finds candidates; {@link ProductEntity#chargingNeed} decides.
   */
  List<Long> behindCharging(YearMonth cycle, Instant now, int limit) {
    return em().createQuery(
            "SELECT p.id FROM ProductEntity p WHERE p.status = 'created'"
                + " OR (p.status = 'active' AND (p.chargedCycle IS NULL"
                + " OR p.chargedCycle <> :cycle OR p.pendingFrom <= :now"
                + " OR p.chargingState = 'barred'))"
                + " OR (p.status IN ('suspended', 'terminated')"
                + " AND p.chargingState = 'active')"
                + " ORDER BY p.id",
            Long.class)
        .setParameter("cycle", cycle.toString())
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  private EntityManager em() {
    return unit.transaction();
  }
}
