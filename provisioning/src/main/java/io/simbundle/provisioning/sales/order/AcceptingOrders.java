package io.simbundle.provisioning.sales.order;

import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.platform.database.DatabaseFailures;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.buyer.BuyerType;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.provisioning.sales.inventory.Allocation;
import io.simbundle.provisioning.sales.inventory.Inventory;
import io.simbundle.rules.decision.Reason;
import jakarta.persistence.PersistenceException;
import java.sql.SQLTransactionRollbackException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes approved orders in batches (group commit, {@link OrderBatches}): each batch in one
 * transaction takes its campaign units, numbers and cards together, a few statements for the whole
 * batch. An order refused on the way (sold out, the buyer's limit, no card left) is stored as
 * refused while the others stand; a store's order already placed is answered with that order. An
 * order of several cards is taken whole or not at all: when one of its cards finds no unit, number
 * or card, what the others took goes back and every card of it is refused.
 */
final class AcceptingOrders implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(AcceptingOrders.class);
  // One writer per node, measured fastest on two cores (bigger batches, no two batches of a node
  // contending for a buyer's or a slice's row); nodes add writers by scaling out.
  private static final int WRITERS = 1;
  private static final int MAX_BATCH = 64;

  /** An approved order on its way to a writer, with what storing it needs. */
  record Acceptance(
      OrderRequest request,
      CatalogVersion version,
      OrderTerms terms,
      BuyerType type,
      String buyerDigest,
      Actor actor) {

    Optional<ProductOrders.StoreKey> storeKey() {
      return request.externalId().map(id -> new ProductOrders.StoreKey(request.channel(), id));
    }
  }

  /** What writing an order came to: its outcome, or the refusal to throw at the caller. */
  private record Settled(OrderOutcome outcome, RuntimeException failure) {

    static Settled of(OrderOutcome outcome) {
      return new Settled(outcome, null);
    }

    OrderOutcome get() {
      if (failure != null) {
        throw failure;
      }
      return outcome;
    }
  }

  private final OrderRoom room;
  private final ProductOrders orders;
  private final OrderDrafts drafts;
  private final OrderChanges changes;
  private final OrderViews views;
  private final Inventory inventory;
  private final CampaignStock stock;
  private final Duration paymentWindow;
  private final Clock clock;
  private final OrderBatches<Acceptance, Settled> writers;

  AcceptingOrders(
      OrderRoom room,
      OrderDrafts drafts,
      Inventory inventory,
      CampaignStock stock,
      Duration paymentWindow) {
    PersistenceUnit unit = room.unit();
    this.room = room;
    this.orders = room.orders();
    this.drafts = drafts;
    this.changes = room.changes();
    this.views = room.views();
    this.inventory = inventory;
    this.stock = stock;
    this.paymentWindow = paymentWindow;
    this.clock = room.clock();
    this.writers =
        new OrderBatches<>(
            "order-writer",
            WRITERS,
            MAX_BATCH,
            batch -> unit.call(em -> acceptAll(batch)),
            alone -> retryingDeadlocks(() -> unit.call(em -> acceptAll(List.of(alone)).get(0))));
  }

  /**
   * Writes an approved order with the next batch and returns it.
   *
   * @throws ProvisioningException when no number or card was left (the failed order is named)
   */
  OrderOutcome accept(Acceptance acceptance) {
    return writers.settle(acceptance).get();
  }

  /** Stops the writers once the orders handed to them are written. */
  @Override
  public void close() {
    writers.close();
  }

  private List<Settled> acceptAll(List<Acceptance> batch) {
    Map<ProductOrders.StoreKey, ProductOrder> placed =
        orders.byStoreKeys(batch.stream().flatMap(a -> a.storeKey().stream()).distinct().toList());
    Settled[] settled = new Settled[batch.size()];
    int[] repeatOf = new int[batch.size()];
    Map<ProductOrders.StoreKey, Integer> firstInBatch = new HashMap<>();
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      repeatOf[i] = -1;
      Optional<ProductOrders.StoreKey> key = batch.get(i).storeKey();
      if (key.isPresent() && placed.containsKey(key.get())) {
        settled[i] = Settled.of(room.placedBefore(placed.get(key.get())));
      } else if (key.isPresent() && firstInBatch.containsKey(key.get())) {
        repeatOf[i] = firstInBatch.get(key.get());
      } else {
        int first = i;
        key.ifPresent(k -> firstInBatch.put(k, first));
        fresh.add(i);
      }
    }
    Instant now = clock.instant();
    Map<Integer, List<ProductOrder>> drafted = new HashMap<>();
    for (int i : fresh) {
      Acceptance a = batch.get(i);
      drafted.put(i, drafts.draft(a.request(), a.version(), a.terms(), a.type(), now));
    }
    Map<Integer, Reason> refused = takeStock(batch, fresh, drafted);
    Map<Integer, List<Inventory.Pick>> picks =
        pick(batch, fresh.stream().filter(i -> !refused.containsKey(i)).toList());
    Map<Long, Allocation> held = new LinkedHashMap<>();
    for (int i : fresh) {
      Acceptance acceptance = batch.get(i);
      List<ProductOrder> items = drafted.get(i);
      Reason refusal = refused.get(i);
      if (refusal != null) {
        settled[i] = Settled.of(reject(items, refusal, acceptance.actor()));
        continue;
      }
      List<Inventory.Pick> picked = picks.get(i);
      Optional<String> shortage = WholeOrderPicks.shortage(picked);
      if (shortage.isPresent()) {
        settled[i] = failed(acceptance, items, shortage.get());
        continue;
      }
      List<ProductOrderView> acknowledged = new ArrayList<>(items.size());
      for (int k = 0; k < items.size(); k++) {
        Allocation allocation = picked.get(k).allocation().orElseThrow();
        acknowledged.add(acknowledge(acceptance, items.get(k), allocation));
        held.put(items.get(k).id(), allocation);
      }
      settled[i] = Settled.of(new OrderOutcome(acknowledged, true));
    }
    inventory.hold(held);
    for (int i = 0; i < batch.size(); i++) {
      if (repeatOf[i] >= 0) {
        Settled first = settled[repeatOf[i]];
        settled[i] =
            first.failure() != null
                ? first
                : Settled.of(new OrderOutcome(first.outcome().items(), false));
      }
    }
    return List.of(settled);
  }

  /**
   * Takes a campaign unit for each card of the batch's fresh orders, per campaign; returns the
   * refused orders with why. An order of several cards is refused whole when any of its cards is
   * ({@link WholeOrderUnits}).
   */
  private Map<Integer, Reason> takeStock(
      List<Acceptance> batch, List<Integer> fresh, Map<Integer, List<ProductOrder>> drafted) {
    Map<String, PresaleCampaign> campaigns = new HashMap<>();
    Map<String, List<Integer>> byCampaign = new LinkedHashMap<>();
    for (int i : fresh) {
      Acceptance acceptance = batch.get(i);
      acceptance
          .request()
          .campaignCode()
          .flatMap(acceptance.version()::campaign)
          .ifPresent(
              campaign -> {
                campaigns.putIfAbsent(campaign.code(), campaign);
                byCampaign.computeIfAbsent(campaign.code(), c -> new ArrayList<>()).add(i);
              });
    }
    Map<Integer, Reason> refused = new HashMap<>();
    byCampaign.forEach(
        (code, indexes) -> {
          Map<Integer, WholeOrderUnits.Wanted> wanted = new LinkedHashMap<>();
          for (int i : indexes) {
            wanted.put(
                i, new WholeOrderUnits.Wanted(batch.get(i).buyerDigest(), drafted.get(i).size()));
          }
          refused.putAll(
              WholeOrderUnits.take(
                  wanted,
                  new WholeOrderUnits.Stock() {
                    @Override
                    public List<Optional<Reason>> take(List<String> buyerDigests) {
                      return stock.take(campaigns.get(code), buyerDigests);
                    }

                    @Override
                    public void giveBack(String buyerDigest) {
                      stock.giveBack(code, buyerDigest);
                    }
                  }));
        });
    return refused;
  }

  /** Picks a number and a card for every card of the given orders, each order all or none. */
  private Map<Integer, List<Inventory.Pick>> pick(List<Acceptance> batch, List<Integer> orders) {
    Map<Integer, List<Inventory.Wanted>> wanted = new LinkedHashMap<>();
    for (int i : orders) {
      OrderRequest request = batch.get(i).request();
      wanted.put(
          i,
          request.items().stream()
              .map(item -> new Inventory.Wanted(request.province(), item.pickedMsisdn()))
              .toList());
    }
    return WholeOrderPicks.pick(wanted, inventory::pick);
  }

  private OrderOutcome reject(List<ProductOrder> items, Reason refusal, Actor actor) {
    List<ProductOrderView> rejected = new ArrayList<>(items.size());
    for (ProductOrder order : items) {
      OrderChange change = order.reject(List.of(refusal), refusal.message(), clock.instant());
      orders.add(order);
      changes.publish(order, change, actor);
      rejected.add(views.of(order));
    }
    log.info("order {} rejected: {}", items.get(0).orderCode(), refusal.code());
    return new OrderOutcome(rejected, true);
  }

  /** Stores an order no number or card was left for; the units it took go back on sale. */
  private Settled failed(Acceptance acceptance, List<ProductOrder> items, String shortage) {
    for (ProductOrder order : items) {
      if (order.campaignCode() != null) {
        stock.giveBack(order.campaignCode(), order.buyerDigest());
      }
      OrderChange change = order.fail(shortage, clock.instant());
      orders.add(order);
      changes.publish(order, change, acceptance.actor());
    }
    ProductOrder first = items.get(0);
    return new Settled(
        null,
        new ProvisioningException(
            ProvisioningException.Kind.EXHAUSTED,
            "inventory-unavailable",
            shortage,
            Map.of("productOrder", first.basketCode().orElse(first.orderCode()))));
  }

  /** Stores an accepted order holding its number and card; one on credit is paid at once. */
  private ProductOrderView acknowledge(
      Acceptance acceptance, ProductOrder order, Allocation allocation) {
    OrderChange acknowledged = order.acknowledge(allocation, paymentWindow, clock.instant());
    orders.add(order);
    changes.publish(order, acknowledged, acceptance.actor());
    if (order.paymentType() == PaymentType.CREDIT) {
      changes.publish(order, order.payOnCredit(clock.instant()), acceptance.actor());
    }
    return views.of(order);
  }

  /**
   * Runs an order transaction again when the database chose it as a deadlock victim: under a burst,
   * orders lock campaign, stock and inventory rows in orders the database cannot always keep apart,
   * and the victim's work was rolled back whole.
   */
  private static <T> T retryingDeadlocks(Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (PersistenceException e) {
        if (attempt == 5 || !DatabaseFailures.causedBy(e, SQLTransactionRollbackException.class)) {
          throw e;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextInt(1, 5 << attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }
}
