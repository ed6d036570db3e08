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
 * refused while the others stand; a store's order already placed is answered with that order.
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
        settled[i] = Settled.of(new OrderOutcome(views.of(placed.get(key.get())), false));
      } else if (key.isPresent() && firstInBatch.containsKey(key.get())) {
        repeatOf[i] = firstInBatch.get(key.get());
      } else {
        int first = i;
        key.ifPresent(k -> firstInBatch.put(k, first));
        fresh.add(i);
      }
    }
    Map<Integer, Reason> refused = takeStock(batch, fresh);
    List<Inventory.Pick> picks =
        inventory.pick(
            fresh.stream()
                .filter(i -> !refused.containsKey(i))
                .map(i -> batch.get(i).request())
                .map(r -> new Inventory.Wanted(r.province(), r.pickedMsisdn()))
                .toList());
    Map<Long, Allocation> held = new LinkedHashMap<>();
    int next = 0;
    for (int i : fresh) {
      Acceptance acceptance = batch.get(i);
      ProductOrder order =
          drafts.draft(
              acceptance.request(),
              acceptance.version(),
              acceptance.terms(),
              acceptance.type(),
              clock.instant());
      Reason refusal = refused.get(i);
      if (refusal != null) {
        settled[i] = Settled.of(new OrderOutcome(reject(order, refusal, acceptance.actor()), true));
        continue;
      }
      Inventory.Pick pick = picks.get(next++);
      if (pick.allocation().isEmpty()) {
        settled[i] = failed(acceptance, order, pick.shortage());
        continue;
      }
      Allocation allocation = pick.allocation().get();
      settled[i] = Settled.of(new OrderOutcome(acknowledge(acceptance, order, allocation), true));
      held.put(order.id(), allocation);
    }
    inventory.hold(held);
    for (int i = 0; i < batch.size(); i++) {
      if (repeatOf[i] >= 0) {
        Settled first = settled[repeatOf[i]];
        settled[i] =
            first.failure() != null
                ? first
                : Settled.of(new OrderOutcome(first.outcome().order(), false));
      }
    }
    return List.of(settled);
  }

  /** Takes the campaign units of a batch's fresh orders; returns the refused ones with why. */
  private Map<Integer, Reason> takeStock(List<Acceptance> batch, List<Integer> fresh) {
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
          List<Optional<Reason>> answers =
              stock.take(
                  campaigns.get(code),
                  indexes.stream().map(i -> batch.get(i).buyerDigest()).toList());
          for (int k = 0; k < indexes.size(); k++) {
            int index = indexes.get(k);
            answers.get(k).ifPresent(reason -> refused.put(index, reason));
          }
        });
    return refused;
  }

  private ProductOrderView reject(ProductOrder order, Reason refusal, Actor actor) {
    OrderChange change = order.reject(List.of(refusal), refusal.message(), clock.instant());
    orders.add(order);
    changes.publish(order, change, actor);
    log.info("order {} rejected: {}", order.orderCode(), refusal.code());
    return views.of(order);
  }

  /** Stores an order no number or card was left for; the unit it took goes back on sale. */
  private Settled failed(Acceptance acceptance, ProductOrder order, String shortage) {
    if (order.campaignCode() != null) {
      stock.giveBack(order.campaignCode(), order.idNumberDigest());
    }
    OrderChange change = order.fail(shortage, clock.instant());
    orders.add(order);
    changes.publish(order, change, acceptance.actor());
    return new Settled(
        null,
        new ProvisioningException(
            ProvisioningException.Kind.EXHAUSTED,
            "inventory-unavailable",
            shortage,
            Map.of("productOrder", order.orderCode())));
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
