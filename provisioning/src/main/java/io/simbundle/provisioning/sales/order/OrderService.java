package io.simbundle.provisioning.sales.order;

import io.simbundle.catalog.CatalogService;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.buyer.BuyerTypes;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.provisioning.sales.inventory.Inventory;
import io.simbundle.rules.RulesService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The door of the order room (TMF622): placing, paying, shipping, cancelling, expiring and
 * completing orders, and reading them. Each is a use case of its own ({@link PlacingOrders}, {@link
 * PayingOrders}, …) over the {@link ProductOrder} aggregate, which holds the lifecycle's rules;
 * every change is written with its audit entry and its announcement in one transaction.
 */
public final class OrderService implements AutoCloseable {

  private final PersistenceUnit unit;
  private final ProductOrders orders;
  private final OrderViews views;
  private final AuditTrail audit;
  private final AcceptingOrders accepting;
  private final PlacingOrders placing;
  private final PayingOrders paying;
  private final ShippingOrders shipping;
  private final CancellingOrders cancelling;
  private final ExpiringOrders expiring;
  private final RefundingOrders refunding;
  private final Refunds refunds;
  private final OrderChanges changes;
  private final Inventory inventory;
  private final Clock clock;

  public OrderService(
      PersistenceUnit unit,
      CatalogService catalog,
      RulesService rules,
      BuyerRecords records,
      BuyerTypes types,
      Inventory inventory,
      CampaignStock stock,
      StoreOrderKeys keys,
      PersonalData personalData,
      Duration paymentWindow,
      OrderAnnouncements announcements,
      Clock clock) {
    this.unit = unit;
    this.inventory = inventory;
    this.clock = clock;
    this.orders = new ProductOrders(unit);
    this.views = new OrderViews(personalData);
    this.audit = new AuditTrail(unit);
    this.changes = new OrderChanges(audit, announcements);
    OrderRoom room = new OrderRoom(unit, orders, changes, views, clock);
    OrderDrafts drafts = new OrderDrafts(personalData);
    this.accepting = new AcceptingOrders(room, drafts, inventory, stock, paymentWindow);
    this.placing =
        new PlacingOrders(room, catalog, rules, records, types, stock, keys, drafts, accepting);
    this.paying = new PayingOrders(room);
    this.shipping = new ShippingOrders(room);
    this.cancelling = new CancellingOrders(room, inventory, stock);
    this.refunds = new Refunds(unit);
    this.refunding = new RefundingOrders(room, refunds, drafts);
    this.expiring = new ExpiringOrders(room, cancelling, refunding);
  }

  public static List<Class<?>> entities() {
    return List.of(ProductOrder.class, Refund.class, Payment.class);
  }

  /** Stops the order writers once the orders handed to them are written. */
  @Override
  public void close() {
    accepting.close();
  }

  /** The stored orders, for the rooms that work on an order in their own transaction. */
  public ProductOrders orders() {
    return orders;
  }

  /**
   * Places an order: qualified by the rules, then written with the other orders waiting (one
   * transaction per batch), its campaign unit, number and card taken. A rejected order is stored
   * with the reasons, an order no inventory is left for as failed; once a campaign is known to be
   * sold out its orders are refused without storing anything.
   *
   * @throws ProvisioningException invalid payment terms, sold out (refused, nothing stored), a
   *     partner's platform silent where the campaign needs its answer (unavailable, nothing
   *     stored), or no inventory left (the failed order is named in the details)
   */
  public OrderOutcome create(OrderRequest request, Actor actor) {
    return placing.place(request, actor);
  }

  /**
   * Records a payment; the order moves on once what is due is paid. A payment on an order of
   * several cards is shared out over its cards in order.
   *
   * @param code an order's code, an item's, or the code of an order of several cards
   * @return the order's cards: one, or every item of the order of several
   * @throws ProvisioningException when the order is unknown, not waiting for payment, or paid more
   *     than it takes now
   */
  public List<ProductOrderView> pay(String code, long amountFen, String reference, Actor actor) {
    return paying.pay(code, amountFen, reference, actor);
  }

  /**
   * Records that a paid order's card was shipped, and tells the store; an order of several cards
   * ships its cards not cancelled in one parcel.
   *
   * @return the order's cards: one, or every item of the order of several
   * @throws ProvisioningException when the order is unknown, not paid, activated or shipped already
   */
  public List<ProductOrderView> ship(
      String code, String carrier, String trackingNumber, Actor actor) {
    return shipping.ship(code, carrier, trackingNumber, actor);
  }

  /**
   * Cancels an order that is not yet activated and returns its number and card to stock; for an
   * order of several cards, each of its cards not yet activated.
   *
   * @return the order's cards: one, or every item of the order of several
   * @throws ProvisioningException when the order is unknown or already final
   */
  public List<ProductOrderView> cancel(String code, String reason, Actor actor) {
    return cancelling.cancel(code, reason, actor);
  }

  /**
   * Pays money back on an order (TMF676 refund): on a cancelled order, or on a completed one whose
   * card came back within its campaign's return window, which ends the card's subscription. The
   * asker's refund id makes a repeat return the first refund.
   *
   * @throws ProvisioningException unknown order (also another store's), an amount that is not
   *     positive or more than is left to refund, a live order, a closed return window, or a refund
   *     id used before for another refund
   */
  public RefundOutcome refund(RefundRequest request, Actor actor) {
    return refunding.refund(request, actor);
  }

  /** A refund by its code, for the store whose order it is (or any, for the back office). */
  public Optional<RefundView> findRefund(String refundCode, Optional<String> store) {
    return unit.call(
        em ->
            refunds
                .byCode(refundCode)
                .flatMap(
                    refund -> {
                      ProductOrder order = orders.byId(refund.orderId);
                      return store.isEmpty() || store.get().equals(order.channel)
                          ? Optional.of(refund.view(order.orderCode()))
                          : Optional.empty();
                    }));
  }

  /** An order's refunds, oldest first. */
  public List<RefundView> refunds(String orderCode) {
    return unit.call(
        em -> {
          ProductOrder order =
              orders
                  .byCode(orderCode)
                  .orElseThrow(() -> ProvisioningException.notFound("no order " + orderCode));
          return refunds.ofOrder(order.id()).stream()
              .map(refund -> refund.view(order.orderCode()))
              .toList();
        });
  }

  /** Lets refunds of returned cards end their subscriptions, once the subscription room is up. */
  public void takeReturnsThrough(CardReturns returns) {
    refunding.takeReturnsThrough(returns);
  }

  /**
   * Cancels orders whose payment window has passed.
   *
   * @return how many were cancelled
   */
  public int expireUnpaid() {
    return expiring.expireUnpaid();
  }

  /**
   * Marks a locked order's card as in service and the order completed, in the caller's transaction
   * (an activation).
   *
   * @throws ProvisioningException a conflict unless the order is paid and not cancelled
   */
  public void complete(ProductOrder order, String reason, Actor actor) {
    OrderChange change = order.complete(reason, clock.instant());
    inventory.assign(order.id());
    changes.publish(order, change, actor);
  }

  /** The name of whoever the card was ordered for (its holder, else the buyer), opened. */
  public String holderName(ProductOrder order) {
    return views.holderName(order);
  }

  /**
   * An order by its code: the order of one card, an item of an order of several (by the item's
   * code), or every item of an order of several (by that order's code), in order.
   */
  public Optional<List<ProductOrderView>> find(String code) {
    List<ProductOrderView> cards =
        unit.call(em -> orders.withItems(code).stream().map(views::of).toList());
    return cards.isEmpty() ? Optional.empty() : Optional.of(cards);
  }

  /** Orders of a channel and/or in a state, newest first. */
  public OrderPage list(
      Optional<String> channel, Optional<OrderState> state, int offset, int limit) {
    return unit.call(
        em -> {
          ProductOrders.Page page = orders.page(channel, state, offset, limit);
          return new OrderPage(page.orders().stream().map(views::of).toList(), page.total());
        });
  }

  /**
   * Every state change of an order, oldest first; of an order of several cards, each card's, named.
   */
  public List<AuditEntry> history(String orderCode) {
    List<ProductOrder> cards = unit.call(em -> orders.withItems(orderCode));
    if (cards.isEmpty()) {
      throw ProvisioningException.notFound("no order " + orderCode);
    }
    if (cards.size() == 1) {
      return audit.of(AuditTrail.Subject.ORDER, cards.get(0).id());
    }
    // An order of several cards: each card's changes, named, in the order they happened.
    List<AuditEntry> all = new ArrayList<>();
    for (ProductOrder card : cards) {
      for (AuditEntry entry : audit.of(AuditTrail.Subject.ORDER, card.id())) {
        all.add(
            new AuditEntry(
                entry.from(),
                entry.to(),
                entry.actor(),
                "card " + card.orderCode() + ": " + entry.reason(),
                entry.at()));
      }
    }
    all.sort(Comparator.comparing(AuditEntry::at));
    return all;
  }
}
