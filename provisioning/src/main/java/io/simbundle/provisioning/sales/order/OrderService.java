package io.simbundle.provisioning.sales.order;

import com.fasterxml.jackson.core.type.TypeReference;
import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.campaign.PresaleCampaign;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.platform.database.DatabaseFailures;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.privacy.Masked;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.campaign.CampaignStock;
import io.simbundle.provisioning.sales.inventory.Allocation;
import io.simbundle.provisioning.sales.inventory.Inventory;
import io.simbundle.rules.QualificationRequest;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.decision.Reason;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.security.SecureRandom;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places, pays, cancels and expires orders (TMF622). Every state change is written with its audit
 * entry in one transaction; the order row is locked while it changes, so a payment and the expiry
 * of the same order cannot both win. New orders are written in batches (group commit), so a sale's
 * peak shares commits and round trips instead of queueing for them.
 */
public final class OrderService implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);
  private static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  // One writer per node, measured fastest on two cores (bigger batches, no two batches of a node
  // contending for a buyer's or a slice's row); nodes add writers by scaling out.
  private static final int WRITERS = 1;
  private static final int MAX_BATCH = 64;

  private final PersistenceUnit unit;
  private final CatalogService catalog;
  private final RulesService rules;
  private final BuyerRecords records;
  private final Inventory inventory;
  private final CampaignStock stock;
  private final StoreOrderKeys keys;
  private final PersonalData personalData;
  private final Duration paymentWindow;
  private final OrderAnnouncements announcements;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final OrderBatches<Acceptance, Settled> writers;

  public OrderService(
      PersistenceUnit unit,
      CatalogService catalog,
      RulesService rules,
      BuyerRecords records,
      Inventory inventory,
      CampaignStock stock,
      StoreOrderKeys keys,
      PersonalData personalData,
      Duration paymentWindow,
      OrderAnnouncements announcements,
      Clock clock) {
    this.unit = unit;
    this.catalog = catalog;
    this.rules = rules;
    this.records = records;
    this.inventory = inventory;
    this.stock = stock;
    this.keys = keys;
    this.personalData = personalData;
    this.paymentWindow = paymentWindow;
    this.announcements = announcements;
    this.clock = clock;
    this.writers =
        new OrderBatches<>(
            "order-writer",
            WRITERS,
            MAX_BATCH,
            batch -> unit.call(em -> acceptAll(em, batch)),
            alone ->
                retryingDeadlocks(() -> unit.call(em -> acceptAll(em, List.of(alone)).get(0))));
  }

  /** Stops the order writers once the orders handed to them are written. */
  @Override
  public void close() {
    writers.close();
  }

  public static List<Class<?>> entities() {
    return List.of(ProductOrderEntity.class);
  }

  /**
   * Places an order: qualified by the rules, then written with the other orders waiting (one
   * transaction per batch), its campaign unit, number and card taken. A rejected order is stored
   * with the reasons, an order no inventory is left for as failed; once a campaign is known to be
   * sold out its orders are refused without storing anything.
   *
   * @throws ProvisioningException invalid payment terms, sold out (refused, nothing stored), or no
   *     inventory left (the failed order is named in the details)
   */
  public OrderOutcome create(OrderRequest request, Actor actor) {
    CatalogVersion version = catalog.current();
    Optional<PresaleCampaign> campaign = request.campaignCode().flatMap(version::campaign);
    if (campaign.isPresent() && stock.level(campaign.get().code()).soldOut()) {
      return soldOut(request, campaign.get());
    }
    Instant now = clock.instant();
    Decision decision = qualify(request, version, now);
    try {
      if (!decision.approved()) {
        OrderOutcome rejected =
            unit.call(
                em ->
                    earlier(em, request)
                        .orElseGet(
                            () ->
                                new OrderOutcome(
                                    store(
                                        em,
                                        newOrder(request, version, 0, now),
                                        OrderState.REJECTED,
                                        decision.reasons(),
                                        "refused by rule set " + decision.ruleSetVersion(),
                                        actor),
                                    true)));
        if (rejected.created()) {
          log.info("order {} rejected: {}", rejected.order().id(), decision.reasonCodes());
        }
        return rejected;
      }
      long due = amountDue(request, version);
      String digest = personalData.digest().of(request.buyer().idNumber());
      campaign.ifPresent(stock::prepare);
      return writers.settle(new Acceptance(request, version, due, digest, actor)).get();
    } catch (PersistenceException e) {
      // Two deliveries of one store order raced: the unique key let one in, the other reads it.
      if (request.externalId().isPresent() && isDuplicate(e)) {
        return unit.call(em -> earlier(em, request)).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  /**
   * The answer once a campaign is sold out, given without qualifying or storing anything: after a
   * flash sale's stock is gone most of its orders are still to come. A store's repeat of an order
   * that got a card still gets that order.
   */
  private OrderOutcome soldOut(OrderRequest request, PresaleCampaign campaign) {
    Optional<OrderOutcome> first =
        request
            .externalId()
            .flatMap(externalId -> keys.orderCode(request.channel(), externalId))
            .flatMap(this::find)
            .map(order -> new OrderOutcome(order, false));
    return first.orElseThrow(
        () ->
            new ProvisioningException(
                ProvisioningException.Kind.REFUSED,
                "sold-out",
                "campaign " + campaign.code() + " is sold out; no order was created",
                Map.of("reasons", List.of(CampaignStock.soldOut(campaign.code())))));
  }

  /**
   * Runs an order transaction again when the database chose it as a deadlock victim: under a burst,
   * orders lock campaign, stock and inventory rows in orders the database cannot always keep apart,
   * and the victim's work was rolled back whole.
   */
  private static <T> T retryingDeadlocks(java.util.function.Supplier<T> transaction) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.get();
      } catch (PersistenceException e) {
        if (attempt == 5 || !isDeadlock(e)) {
          throw e;
        }
        try {
          Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 5 << attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static boolean isDeadlock(Throwable e) {
    return DatabaseFailures.causedBy(e, java.sql.SQLTransactionRollbackException.class);
  }

  /** The order a store's earlier delivery of this request created, in the caller's transaction. */
  private Optional<OrderOutcome> earlier(EntityManager em, OrderRequest request) {
    return request
        .externalId()
        .flatMap(
            externalId ->
                em.createQuery(
                        "FROM ProductOrderEntity WHERE channel = :channel AND externalId = :id",
                        ProductOrderEntity.class)
                    .setParameter("channel", request.channel())
                    .setParameter("id", externalId)
                    .getResultStream()
                    .findFirst())
        .map(order -> new OrderOutcome(view(order), false));
  }

  private Decision qualify(OrderRequest request, CatalogVersion version, Instant now) {
    String idNumber = request.buyer().idNumber();
    BuyerRecords.Standing standing = records.standing(idNumber, request.campaignCode());
    return rules.qualify(
        version,
        new QualificationRequest(
            request.productCode(),
            request.campaignCode(),
            request.channel(),
            request.province(),
            request.buyer().name(),
            idNumber,
            request.buyer().newToOperator(),
            request.buyer().newToPartner(),
            standing.activeCards(),
            standing.campaignOrders(),
            request.campaignCode().map(records::campaignUnitsSold).orElse(0L),
            now));
  }

  private static long amountDue(OrderRequest request, CatalogVersion version) {
    ProductOffering product = version.product(request.productCode()).orElseThrow();
    return switch (request.payment().type()) {
      case FULL -> product.plan().monthlyFeeFen();
      case CREDIT -> {
        if (request.payment().creditPayer().isEmpty()
            || request.payment().creditAuthorization().isEmpty()) {
          throw new ProvisioningException(
              ProvisioningException.Kind.INVALID,
              "invalid-payment",
              "credit payment needs the payer and its authorization reference");
        }
        yield 0;
      }
      case DEPOSIT -> {
        long deposit =
            request
                .campaignCode()
                .flatMap(version::campaign)
                .map(PresaleCampaign::depositFen)
                .orElse(0L);
        if (deposit <= 0) {
          throw new ProvisioningException(
              ProvisioningException.Kind.INVALID,
              "invalid-payment",
              "a deposit is only taken in a presale campaign that asks for one");
        }
        yield deposit;
      }
    };
  }

  /** An approved order on its way to a writer, with what storing it needs. */
  private record Acceptance(
      OrderRequest request, CatalogVersion version, long due, String buyerDigest, Actor actor) {}

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

  /**
   * Writes a batch of approved orders in the caller's transaction. A store's order already placed
   * (before, or earlier in this batch) is answered with that order. The batch's stock, buyer limits
   * and inventory are settled together, a few statements for the whole batch; an order refused on
   * the way (sold out, the buyer's limit, no card left) is stored as refused while the others
   * stand.
   */
  private List<Settled> acceptAll(EntityManager em, List<Acceptance> batch) {
    Map<String, ProductOrderEntity> placed = placedBefore(em, batch);
    Settled[] settled = new Settled[batch.size()];
    int[] repeatOf = new int[batch.size()];
    Map<String, Integer> firstInBatch = new HashMap<>();
    List<Integer> fresh = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      repeatOf[i] = -1;
      OrderRequest request = batch.get(i).request();
      Optional<String> key = request.externalId().map(id -> storeKey(request.channel(), id));
      if (key.isPresent() && placed.containsKey(key.get())) {
        settled[i] = Settled.of(new OrderOutcome(view(placed.get(key.get())), false));
      } else if (key.isPresent() && firstInBatch.containsKey(key.get())) {
        repeatOf[i] = firstInBatch.get(key.get());
      } else {
        int first = i;
        key.ifPresent(k -> firstInBatch.put(k, first));
        fresh.add(i);
      }
    }
    Map<Integer, Reason> refused = takeStock(em, batch, fresh);
    List<Integer> granted = fresh.stream().filter(i -> !refused.containsKey(i)).toList();
    List<Inventory.Pick> picks =
        inventory.pick(
            em,
            granted.stream()
                .map(i -> batch.get(i).request())
                .map(r -> new Inventory.Wanted(r.province(), r.pickedMsisdn()))
                .toList());
    Map<Long, Allocation> held = new LinkedHashMap<>();
    int next = 0;
    for (int i : fresh) {
      Acceptance acceptance = batch.get(i);
      ProductOrderEntity order =
          newOrder(acceptance.request(), acceptance.version(), acceptance.due(), clock.instant());
      Reason refusal = refused.get(i);
      if (refusal != null) {
        ProductOrder rejected =
            store(
                em,
                order,
                OrderState.REJECTED,
                List.of(refusal),
                refusal.message(),
                acceptance.actor());
        log.info("order {} rejected: {}", rejected.id(), refusal.code());
        settled[i] = Settled.of(new OrderOutcome(rejected, true));
        continue;
      }
      Inventory.Pick pick = picks.get(next++);
      if (pick.allocation().isEmpty()) {
        settled[i] = failed(em, acceptance, order, pick.shortage());
        continue;
      }
      Allocation allocation = pick.allocation().get();
      settled[i] =
          Settled.of(new OrderOutcome(acknowledge(em, acceptance, order, allocation), true));
      held.put(order.id, allocation);
    }
    inventory.hold(em, held);
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
  private Map<Integer, Reason> takeStock(
      EntityManager em, List<Acceptance> batch, List<Integer> fresh) {
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
                  em,
                  campaigns.get(code),
                  indexes.stream().map(i -> batch.get(i).buyerDigest()).toList());
          for (int k = 0; k < indexes.size(); k++) {
            int index = indexes.get(k);
            answers.get(k).ifPresent(reason -> refused.put(index, reason));
          }
        });
    return refused;
  }

  /** Stores an order no number or card was left for; the unit it took goes back on sale. */
  private Settled failed(
      EntityManager em, Acceptance acceptance, ProductOrderEntity order, String shortage) {
    if (order.campaignCode != null) {
      stock.giveBack(em, order.campaignCode, order.idNumberDigest);
    }
    ProductOrder failed =
        store(em, order, OrderState.FAILED, List.of(), shortage, acceptance.actor());
    return new Settled(
        null,
        new ProvisioningException(
            ProvisioningException.Kind.EXHAUSTED,
            "inventory-unavailable",
            shortage,
            Map.of("productOrder", failed.id())));
  }

  /** Stores an accepted order holding its number and card, and tells the store. */
  private ProductOrder acknowledge(
      EntityManager em, Acceptance acceptance, ProductOrderEntity order, Allocation allocation) {
    Actor actor = acceptance.actor();
    order.msisdn = allocation.msisdn();
    order.iccid = allocation.iccid();
    order.imsi = allocation.imsi();
    order.state = OrderState.ACKNOWLEDGED.tmfName();
    boolean credit = acceptance.request().payment().type() == PaymentType.CREDIT;
    if (!credit) {
      order.reservedUntil = order.createdAt.plus(paymentWindow);
    }
    em.persist(order);
    audit(em, order, Optional.empty(), "qualified; reserved " + allocation.msisdn(), actor);
    announce(em, order);
    if (credit) {
      moveTo(
          em,
          order,
          OrderState.IN_PROGRESS,
          "paid on credit by "
              + order.creditPayer
              + " (authorization "
              + order.creditAuthorization
              + ")",
          actor);
    }
    return view(order);
  }

  private static String storeKey(String channel, String externalId) {
    return channel + '\u0000' + externalId;
  }

  /** Orders the batch's external ids named before, by channel and external id. */
  private static Map<String, ProductOrderEntity> placedBefore(
      EntityManager em, List<Acceptance> batch) {
    List<String> externalIds =
        batch.stream().flatMap(a -> a.request().externalId().stream()).distinct().toList();
    if (externalIds.isEmpty()) {
      return Map.of();
    }
    List<String> channels = batch.stream().map(a -> a.request().channel()).distinct().toList();
    Map<String, ProductOrderEntity> placed = new HashMap<>();
    // A plain key lookup: the entity query costs more to plan than to run, and repeats are rare.
    @SuppressWarnings("unchecked")
    List<Object[]> keys =
        em.createNativeQuery(
                "SELECT id, channel, external_id FROM product_order"
                    + " WHERE channel IN (?1) AND external_id IN (?2)",
                Object[].class)
            .setParameter(1, channels)
            .setParameter(2, externalIds)
            .getResultList();
    for (Object[] key : keys) {
      placed.put(
          storeKey((String) key[1], (String) key[2]),
          em.find(ProductOrderEntity.class, ((Number) key[0]).longValue()));
    }
    return placed;
  }

  private ProductOrderEntity newOrder(
      OrderRequest request, CatalogVersion version, long due, Instant now) {
    ProductOrderEntity order = new ProductOrderEntity();
    order.orderCode = newCode();
    order.channel = request.channel();
    order.externalId = request.externalId().orElse(null);
    order.productCode = request.productCode();
    order.campaignCode = request.campaignCode().orElse(null);
    order.catalogVersion = version.version();
    order.province = request.province().name();
    OrderRequest.Buyer buyer = request.buyer();
    order.idNumberDigest = personalData.digest().of(buyer.idNumber());
    order.buyerNameSealed = personalData.seal().seal("name", buyer.name());
    order.idNumberSealed = personalData.seal().seal("idNumber", buyer.idNumber());
    order.idNumberMasked = Masked.idNumber(buyer.idNumber());
    order.newToOperator = buyer.newToOperator();
    order.newToPartner = buyer.newToPartner();
    order.paymentType = request.payment().type().apiName();
    order.amountDueFen = due;
    order.creditPayer = request.payment().creditPayer().orElse(null);
    order.creditAuthorization = request.payment().creditAuthorization().orElse(null);
    order.createdAt = now;
    order.updatedAt = now;
    return order;
  }

  /** Stores an order in its first state, with the audit entry and the store's callback. */
  private ProductOrder store(
      EntityManager em,
      ProductOrderEntity order,
      OrderState state,
      List<Reason> refusals,
      String reason,
      Actor actor) {
    order.state = state.tmfName();
    order.stateReason = reason;
    order.refusals = refusals.isEmpty() ? null : writeReasons(refusals);
    em.persist(order);
    audit(em, order, Optional.empty(), reason, actor);
    announce(em, order);
    return view(order);
  }

  /**
   * Records a payment; the order moves on once what is due is paid.
   *
   * @throws ProvisioningException when the order is unknown or not waiting for payment
   */
  public ProductOrder pay(String orderCode, long amountFen, String reference, Actor actor) {
    if (amountFen <= 0) {
      throw new ProvisioningException(
          ProvisioningException.Kind.INVALID, "invalid-payment", "a payment is a positive amount");
    }
    return unit.call(
        em -> {
          ProductOrderEntity order = lock(em, orderCode);
          if (order.state() != OrderState.ACKNOWLEDGED) {
            throw ProvisioningException.conflict(
                "order-state",
                "order " + orderCode + " is " + order.state + " and takes no payment");
          }
          order.amountPaidFen += amountFen;
          String what = "payment of " + amountFen + " fen, reference " + reference;
          if (order.amountPaidFen >= order.amountDueFen) {
            order.reservedUntil = null;
            moveTo(em, order, OrderState.IN_PROGRESS, what + "; paid in full", actor);
          } else {
            order.updatedAt = clock.instant();
            AuditTrail.record(
                em,
                AuditTrail.Subject.ORDER,
                order.id,
                Optional.of(order.state),
                order.state,
                actor,
                what + "; " + (order.amountDueFen - order.amountPaidFen) + " fen still due",
                clock.instant());
          }
          return view(order);
        });
  }

  /**
   * Records that a paid order's card was shipped, and tells the store.
   *
   * @throws ProvisioningException when the order is unknown, not paid, activated or shipped already
   */
  public ProductOrder ship(String orderCode, String carrier, String trackingNumber, Actor actor) {
    return unit.call(
        em -> {
          ProductOrderEntity order = lock(em, orderCode);
          if (order.state() != OrderState.IN_PROGRESS || order.shippedAt != null) {
            throw ProvisioningException.conflict(
                "order-state",
                "order "
                    + orderCode
                    + (order.shippedAt != null
                        ? " is shipped already"
                        : " is " + order.state + "; only a paid order is shipped"));
          }
          Instant now = clock.instant();
          order.shippedAt = now;
          order.carrier = carrier;
          order.trackingNumber = trackingNumber;
          order.updatedAt = now;
          AuditTrail.record(
              em,
              AuditTrail.Subject.ORDER,
              order.id,
              Optional.of(order.state),
              order.state,
              actor,
              "shipped by " + carrier + ", tracking " + trackingNumber,
              now);
          Map<String, Object> payload = new java.util.LinkedHashMap<>();
          payload.put("productOrder", order.orderCode);
          payload.put("externalId", order.externalId);
          payload.put("carrier", carrier);
          payload.put("trackingNumber", trackingNumber);
          payload.put("at", now);
          announcements.announce(
              new OrderAnnouncement(order.channel, "order.shipped", payload, now));
          return view(order);
        });
  }

  /**
   * Cancels an order that is not yet activated and returns its number and card to stock.
   *
   * @throws ProvisioningException when the order is unknown or already final
   */
  public ProductOrder cancel(String orderCode, String reason, Actor actor) {
    return unit.call(em -> cancel(em, lock(em, orderCode), reason, actor));
  }

  private ProductOrder cancel(
      EntityManager em, ProductOrderEntity order, String reason, Actor actor) {
    OrderState next = order.state().moveTo(OrderState.CANCELLED);
    inventory.release(em, order.id);
    if (order.campaignCode != null) {
      stock.giveBack(em, order.campaignCode, order.idNumberDigest);
    }
    String released = "; released " + order.msisdn + " and card " + order.iccid;
    order.msisdn = null;
    order.iccid = null;
    order.imsi = null;
    order.reservedUntil = null;
    moveTo(em, order, next, reason + released, actor);
    return view(order);
  }

  /**
   * Cancels orders whose payment window has passed.
   *
   * @return how many were cancelled
   */
  public int expireUnpaid() {
    Instant now = clock.instant();
    List<String> due =
        unit.call(
            em ->
                em.createQuery(
                        "SELECT o.orderCode FROM ProductOrderEntity o WHERE o.state = :state"
                            + " AND o.reservedUntil < :now ORDER BY o.reservedUntil",
                        String.class)
                    .setParameter("state", OrderState.ACKNOWLEDGED.tmfName())
                    .setParameter("now", now)
                    .setMaxResults(500)
                    .getResultList());
    int expired = 0;
    for (String code : due) {
      Boolean done =
          unit.call(
              em -> {
                ProductOrderEntity order = lock(em, code);
                // Paid or cancelled since the list was read: nothing to do.
                if (order.state() != OrderState.ACKNOWLEDGED
                    || !order.reservedUntil.isBefore(clock.instant())) {
                  return false;
                }
                cancel(em, order, "not paid by " + order.reservedUntil, Actor.SYSTEM);
                return true;
              });
      expired += done ? 1 : 0;
    }
    if (expired > 0) {
      log.info("{} unpaid order(s) cancelled, their numbers and cards released", expired);
    }
    return expired;
  }

  public Optional<ProductOrder> find(String orderCode) {
    return unit.call(em -> byCode(em, orderCode).map(this::view));
  }

  /** Orders of a channel and/or in a state, newest first. */
  public OrderPage list(
      Optional<String> channel, Optional<OrderState> state, int offset, int limit) {
    return unit.call(
        em -> {
          String where =
              " WHERE (:channel IS NULL OR o.channel = :channel)"
                  + " AND (:state IS NULL OR o.state = :state)";
          TypedQuery<ProductOrderEntity> page =
              em.createQuery(
                  "FROM ProductOrderEntity o" + where + " ORDER BY o.id DESC",
                  ProductOrderEntity.class);
          TypedQuery<Long> count =
              em.createQuery("SELECT COUNT(o) FROM ProductOrderEntity o" + where, Long.class);
          for (TypedQuery<?> query : List.of(page, count)) {
            query.setParameter("channel", channel.orElse(null));
            query.setParameter("state", state.map(OrderState::tmfName).orElse(null));
          }
          List<ProductOrder> orders =
              page.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                  .map(this::view)
                  .toList();
          return new OrderPage(orders, count.getSingleResult());
        });
  }

  /** Every state change of an order, oldest first. */
  public List<AuditEntry> history(String orderCode) {
    return unit.call(
        em ->
            AuditTrail.of(
                em,
                AuditTrail.Subject.ORDER,
                byCode(em, orderCode)
                    .orElseThrow(() -> ProvisioningException.notFound("no order " + orderCode))
                    .id));
  }

  /**
   * The paid order a card belongs to, locked for activation in the caller's transaction.
   *
   * @param orderCodeOrIccid what the subscriber typed: the order code or the card's ICCID
   */
  public ProductOrderEntity lockForActivation(EntityManager em, String orderCodeOrIccid) {
    String key = orderCodeOrIccid.trim().toUpperCase(java.util.Locale.ROOT);
    ProductOrderEntity order =
        em.createQuery(
                "FROM ProductOrderEntity WHERE orderCode = :key OR iccid = :key",
                ProductOrderEntity.class)
            .setParameter("key", key)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> ProvisioningException.notFound("no order or card " + orderCodeOrIccid));
    return order;
  }

  /** Marks the order's card as in service and the order completed, in the caller's transaction. */
  public void complete(EntityManager em, ProductOrderEntity order, String reason, Actor actor) {
    OrderState next = order.state().moveTo(OrderState.COMPLETED);
    inventory.assign(em, order.id);
    moveTo(em, order, next, reason, actor);
  }

  /** The buyer's name as sealed on the order, opened. */
  public String buyerName(ProductOrderEntity order) {
    return personalData.seal().open("name", order.buyerNameSealed);
  }

  private void moveTo(
      EntityManager em, ProductOrderEntity order, OrderState next, String reason, Actor actor) {
    String from = order.state;
    order.state().moveTo(next);
    order.state = next.tmfName();
    order.stateReason = reason;
    order.updatedAt = clock.instant();
    AuditTrail.record(
        em,
        AuditTrail.Subject.ORDER,
        order.id,
        Optional.of(from),
        order.state,
        actor,
        reason,
        order.updatedAt);
    announce(em, order);
  }

  /** Tells the store the order came from (if it came from one) of its new state. */
  private void announce(EntityManager em, ProductOrderEntity order) {
    Map<String, Object> payload = new java.util.LinkedHashMap<>();
    payload.put("productOrder", order.orderCode);
    payload.put("externalId", order.externalId);
    payload.put("state", order.state);
    payload.put("stateReason", order.stateReason);
    payload.put("msisdn", order.msisdn);
    payload.put("at", order.updatedAt);
    announcements.announce(
        new OrderAnnouncement(order.channel, "order." + order.state, payload, order.updatedAt));
  }

  private void audit(
      EntityManager em,
      ProductOrderEntity order,
      Optional<String> from,
      String reason,
      Actor actor) {
    AuditTrail.record(
        em, AuditTrail.Subject.ORDER, order.id, from, order.state, actor, reason, clock.instant());
  }

  private static ProductOrderEntity lock(EntityManager em, String orderCode) {
    return em.createQuery(
            "FROM ProductOrderEntity WHERE orderCode = :code", ProductOrderEntity.class)
        .setParameter("code", orderCode)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> ProvisioningException.notFound("no order " + orderCode));
  }

  private static Optional<ProductOrderEntity> byCode(EntityManager em, String orderCode) {
    return em.createQuery(
            "FROM ProductOrderEntity WHERE orderCode = :code", ProductOrderEntity.class)
        .setParameter("code", orderCode)
        .getResultStream()
        .findFirst();
  }

  private ProductOrder view(ProductOrderEntity order) {
    return new ProductOrder(
        order.orderCode,
        order.channel,
        Optional.ofNullable(order.externalId),
        order.productCode,
        Optional.ofNullable(order.campaignCode),
        order.catalogVersion,
        order.province,
        Masked.name(buyerName(order)),
        order.idNumberMasked,
        PaymentType.fromApiName(order.paymentType).orElseThrow(),
        order.amountDueFen,
        order.amountPaidFen,
        Optional.ofNullable(order.creditPayer),
        Optional.ofNullable(order.msisdn),
        Optional.ofNullable(order.iccid),
        order.state(),
        Optional.ofNullable(order.stateReason),
        readReasons(order.refusals),
        Optional.ofNullable(order.reservedUntil),
        Optional.ofNullable(order.shippedAt)
            .map(at -> new ProductOrder.Shipment(order.carrier, order.trackingNumber, at)),
        order.createdAt,
        order.updatedAt);
  }

  private String newCode() {
    StringBuilder code = new StringBuilder(12);
    for (int i = 0; i < 12; i++) {
      code.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
    }
    return code.toString();
  }

  private static boolean isDuplicate(Throwable e) {
    return DatabaseFailures.causedBy(e, SQLIntegrityConstraintViolationException.class);
  }

  private static String writeReasons(List<Reason> reasons) {
    return Json.write(reasons);
  }

  private static List<Reason> readReasons(String json) {
    if (json == null) {
      return List.of();
    }
    return Json.readStored(json, new TypeReference<ArrayList<Reason>>() {});
  }
}
