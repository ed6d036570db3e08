package io.simbundle.provisioning.sales.order;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The stored orders. Every method joins the transaction its caller is running in the provisioning
 * unit, so an order read, changed and written with its audit entry and announcement commits whole.
 */
public final class ProductOrders {

  private final PersistenceUnit unit;

  public ProductOrders(PersistenceUnit unit) {
    this.unit = unit;
  }

  /** A store's order: its channel and its own order id. */
  record StoreKey(String channel, String externalId) {}

  void add(ProductOrder order) {
    em().persist(order);
  }

  /**
   * The order, locked until the transaction ends, so a payment and an expiry cannot both win.
   *
   * @throws ProvisioningException not found
   */
  ProductOrder lock(String orderCode) {
    return tryLock(orderCode)
        .orElseThrow(() -> ProvisioningException.notFound("no order " + orderCode));
  }

  /**
   * The order of one card (or one item) the code names, or every item of the order of several cards
   * it names, locked until the transaction ends.
   *
   * @throws ProvisioningException not found
   */
  List<ProductOrder> lockWithItems(String code) {
    Optional<ProductOrder> one = tryLock(code);
    if (one.isPresent()) {
      return List.of(one.get());
    }
    List<ProductOrder> items = lockBasket(code);
    if (items.isEmpty()) {
      throw ProvisioningException.notFound("no order " + code);
    }
    return items;
  }

  private Optional<ProductOrder> tryLock(String orderCode) {
    return em().createQuery("FROM ProductOrder WHERE orderCode = :code", ProductOrder.class)
        .setParameter("code", orderCode)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /**
   * The paid order a card belongs to, locked for its activation.
   *
   * @param orderCodeOrIccid what the subscriber typed: the order code or the card's ICCID
   * @throws ProvisioningException not found
   */
  public ProductOrder lockForActivation(String orderCodeOrIccid) {
    String key = orderCodeOrIccid.trim().toUpperCase(Locale.ROOT);
    return em().createQuery(
            "FROM ProductOrder WHERE orderCode = :key OR iccid = :key", ProductOrder.class)
        .setParameter("key", key)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> ProvisioningException.notFound("no order or card " + orderCodeOrIccid));
  }

  /** The order a product was bought with. */
  public ProductOrder byId(long id) {
    return em().find(ProductOrder.class, id);
  }

  Optional<ProductOrder> byCode(String orderCode) {
    return em().createQuery("FROM ProductOrder WHERE orderCode = :code", ProductOrder.class)
        .setParameter("code", orderCode)
        .getResultStream()
        .findFirst();
  }

  /** The order a store's key named: an order of one card, or the first item of several. */
  Optional<ProductOrder> byStoreKey(StoreKey key) {
    return em().createQuery(
            "FROM ProductOrder WHERE channel = :channel AND externalId = :id AND basketItem = 1",
            ProductOrder.class)
        .setParameter("channel", key.channel())
        .setParameter("id", key.externalId())
        .getResultStream()
        .findFirst();
  }

  /** The orders some of {@code keys} named before (the first item of an order of several). */
  Map<StoreKey, ProductOrder> byStoreKeys(List<StoreKey> keys) {
    if (keys.isEmpty()) {
      return Map.of();
    }
    EntityManager em = em();
    // A plain key lookup: the entity query costs more to plan than to run, and repeats are rare.
    @SuppressWarnings("unchecked")
    List<Object[]> found =
        em.createNativeQuery(
                "SELECT id, channel, external_id FROM product_order"
                    + " WHERE channel IN (?1) AND external_id IN (?2) AND basket_item = 1",
                Object[].class)
            .setParameter(1, keys.stream().map(StoreKey::channel).distinct().toList())
            .setParameter(2, keys.stream().map(StoreKey::externalId).distinct().toList())
            .getResultList();
    Map<StoreKey, ProductOrder> placed = new HashMap<>();
    for (Object[] row : found) {
      placed.put(
          new StoreKey((String) row[1], (String) row[2]),
          em.find(ProductOrder.class, ((Number) row[0]).longValue()));
    }
    return placed;
  }

  /**
   * The order of one card (or one item) the code names, or every item of the order of several cards
   * it names, in order; empty when there is none.
   */
  List<ProductOrder> withItems(String code) {
    return byCode(code).map(List::of).orElseGet(() -> basket(code));
  }

  /** The order's cards: the order alone, or every item of the order of several it belongs to. */
  List<ProductOrder> withItsBasket(ProductOrder order) {
    return order.basketCode().map(this::basket).orElseGet(() -> List.of(order));
  }

  /** The items of an order of several cards, in order; empty when there is no such order. */
  List<ProductOrder> basket(String basketCode) {
    return em().createQuery(
            "FROM ProductOrder WHERE basketCode = :code ORDER BY basketItem", ProductOrder.class)
        .setParameter("code", basketCode)
        .getResultList();
  }

  private List<ProductOrder> lockBasket(String basketCode) {
    return em().createQuery(
            "FROM ProductOrder WHERE basketCode = :code ORDER BY basketItem", ProductOrder.class)
        .setParameter("code", basketCode)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList();
  }

  /** Codes of acknowledged orders whose payment window passed before {@code now}, oldest first. */
  List<String> unpaidAfter(Instant now, int limit) {
    return em().createQuery(
            "SELECT o.orderCode FROM ProductOrder o WHERE o.state IN :states"
                + " AND o.reservedUntil < :now ORDER BY o.reservedUntil",
            String.class)
        .setParameter(
            "states", List.of(OrderState.ACKNOWLEDGED.tmfName(), OrderState.PENDING.tmfName()))
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /** A page of the orders of a channel and/or in a state, newest first, and how many there are. */
  record Page(List<ProductOrder> orders, long total) {}

  Page page(Optional<String> channel, Optional<OrderState> state, int offset, int limit) {
    EntityManager em = em();
    String where =
        " WHERE (:channel IS NULL OR o.channel = :channel)"
            + " AND (:state IS NULL OR o.state = :state)";
    TypedQuery<ProductOrder> page =
        em.createQuery("FROM ProductOrder o" + where + " ORDER BY o.id DESC", ProductOrder.class);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(o) FROM ProductOrder o" + where, Long.class);
    for (TypedQuery<?> query : List.of(page, count)) {
      query.setParameter("channel", channel.orElse(null));
      query.setParameter("state", state.map(OrderState::tmfName).orElse(null));
    }
    return new Page(
        page.setFirstResult(offset).setMaxResults(limit).getResultList(), count.getSingleResult());
  }

  private EntityManager em() {
    return unit.transaction();
  }
}
