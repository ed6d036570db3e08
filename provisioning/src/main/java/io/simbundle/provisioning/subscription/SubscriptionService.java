package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.CatalogService;
import io.simbundle.catalog.privilege.ZeroRating;
import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.OutboxMessage;
import io.simbundle.provisioning.privacy.Masked;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.order.ProductOrder;
import io.simbundle.rules.PrivilegeSelectionRequest;
import io.simbundle.rules.RulesService;
import io.simbundle.rules.decision.Decision;
import io.simbundle.rules.decision.Reason;
import io.simbundle.rules.fact.PrivilegeChange;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Subscriptions (TMF637 products): activation with the real-name check, privilege changes and
 * status changes. Charging is brought in step by {@link ChargingSync} once a change is stored, so a
 * charging outage never loses an activation.
 */
public final class SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

  private final PersistenceUnit unit;
  private final CatalogService catalog;
  private final RulesService rules;
  private final BuyerRecords records;
  private final OrderService orders;
  private final PersonalData personalData;
  private final Grants grants;
  private final ChargingSync charging;
  private final Clock clock;

  public SubscriptionService(
      PersistenceUnit unit,
      CatalogService catalog,
      RulesService rules,
      BuyerRecords records,
      OrderService orders,
      PersonalData personalData,
      Grants grants,
      ChargingSync charging,
      Clock clock) {
    this.unit = unit;
    this.catalog = catalog;
    this.rules = rules;
    this.records = records;
    this.orders = orders;
    this.personalData = personalData;
    this.grants = grants;
    this.charging = charging;
    this.clock = clock;
  }

  public static List<Class<?>> entities() {
    return List.of(ProductEntity.class);
  }

  /** The card an order code or ICCID names, for the activation page: its product and menu. */
  public CardToActivate cardToActivate(String orderCodeOrIccid) {
    return unit.call(
        em -> {
          ProductOrder order = orders.orders().lockForActivation(orderCodeOrIccid);
          requireActivatable(order);
          return new CardToActivate(
              grants.offering(order.productCode()), order.newToOperator(), order.newToPartner());
        });
  }

  /**
   * Activates a paid order's card: the holder must be the buyer and pass the real-name rules, the
   * choice of privileges must be valid. The subscription is stored as {@code created} with its
   * gifts and the partner's perk notices, and becomes {@code active} once its charging profile is
   * installed — at once, or at the next {@link ChargingSync} run if charging cannot be reached.
   *
   * @throws ProvisioningException unknown card, unpaid or already activated order, or refused by
   *     the rules (with their reasons)
   */
  public Subscription activate(ActivationRequest request, Actor actor) {
    Instant now = clock.instant();
    long productId =
        unit.call(
            em -> {
              ProductOrder order = orders.orders().lockForActivation(request.orderCodeOrIccid());
              requireActivatable(order);
              checkHolder(order, request, now);
              ProductOffering offering = grants.offering(order.productCode());
              requireValid(
                  rules.checkPrivileges(
                      catalog.current(),
                      new PrivilegeSelectionRequest(
                          order.productCode(),
                          request.chosenPrivileges(),
                          order.newToOperator(),
                          order.newToPartner())),
                  "privileges-refused",
                  "the choice of privileges is not valid");
              ProductEntity product = newProduct(order, offering, request, now);
              em.persist(product);
              em.flush();
              ProductRecords.audit(
                  grants.audit(),
                  product,
                  Optional.empty(),
                  "card " + order.iccid() + " activated with " + request.chosenPrivileges(),
                  actor,
                  now);
              orders.complete(order, "activated as product " + product.id, actor);
              PerkNotices.queue(
                  grants.outbox(),
                  product,
                  offering,
                  request.chosenPrivileges(),
                  PerkNotices.ACTIVATE,
                  now);
              return product.id;
            });
    log.info("product {} created", productId);
    charging.bringUp(productId);
    return get(productId);
  }

  private static void requireActivatable(ProductOrder order) {
    if (order.isInProgress()) {
      return;
    }
    String reason =
        switch (order.stateName()) {
          case "acknowledged" -> "order " + order.orderCode() + " is not paid yet";
          case "completed" -> "this card is already activated";
          default -> "order " + order.orderCode() + " is " + order.stateName();
        };
    throw ProvisioningException.conflict("not-activatable", reason);
  }

  /** The holder must be the buyer (same ID number and name) and pass the real-name rules. */
  private void checkHolder(ProductOrder order, ActivationRequest request, Instant now) {
    boolean sameId = personalData.digest().of(request.idNumber()).equals(order.idNumberDigest());
    boolean sameName = orders.buyerName(order).trim().equals(request.name().trim());
    if (!sameId || !sameName) {
      throw ProvisioningException.refused(
          "real-name-refused",
          "the card must be activated by its buyer",
          List.of(
              new Reason(
                  "REAL_NAME_MISMATCH",
                  "The name or ID number differs from the one the card was bought with.",
                  "姓名或身份证号与购卡时登记的不一致。",
                  "Holder must be the buyer")),
          Map.of());
    }
    requireValid(
        rules.checkRealName(
            request.name(), request.idNumber(), records.activeCards(request.idNumber()), now),
        "real-name-refused",
        "the real-name check failed");
  }

  private static void requireValid(Decision decision, String type, String message) {
    if (!decision.approved()) {
      throw ProvisioningException.refused(
          type, message, decision.reasons(), Map.of("ruleSetVersion", decision.ruleSetVersion()));
    }
  }

  private ProductEntity newProduct(
      ProductOrder order, ProductOffering offering, ActivationRequest request, Instant now) {
    ProductEntity product = new ProductEntity();
    product.orderId = order.id();
    product.productCode = order.productCode();
    product.partnerCode = offering.partnerCode();
    product.catalogVersion = catalog.current().version();
    product.idNumberDigest = order.idNumberDigest();
    product.holderNameSealed = personalData.seal().seal("name", request.name().trim());
    product.idNumberSealed = personalData.seal().seal("idNumber", request.idNumber().trim());
    product.idNumberMasked = Masked.idNumber(request.idNumber());
    product.msisdn = order.msisdn();
    product.iccid = order.iccid();
    product.imsi = order.imsi();
    product.status = ProductStatus.CREATED.tmfName();
    product.privileges = String.join(",", request.chosenPrivileges());
    product.gifts =
        ProductRecords.writeGifts(grants.gifts(order, request.chosenPrivileges(), now, List.of()));
    product.createdAt = now;
    product.updatedAt = now;
    return product;
  }

  /**
   * Asks for other privileges: checked by the rules (a valid choice, at most one change per billing
   * cycle) and in force from the next cycle, when {@link ChargingSync} puts it in place.
   *
   * @throws ProvisioningException no active card with this number and ID number, or refused
   */
  public Subscription changePrivileges(
      String msisdn, String idNumber, List<String> chosen, Actor actor) {
    Instant now = clock.instant();
    YearMonth cycle = ChargingProfiles.cycleOf(now);
    String digest = personalData.digest().of(idNumber);
    long id =
        unit.call(
            em -> {
              ProductEntity product =
                  lockActiveByMsisdn(em, msisdn)
                      .filter(p -> p.idNumberDigest.equals(digest))
                      // One answer for an unknown number and a wrong ID number: nothing to probe.
                      .orElseThrow(
                          () ->
                              ProvisioningException.notFound(
                                  "no active card with this number and ID number"));
              ProductOrder order = orders.orders().byId(product.orderId);
              requireValid(
                  rules.checkPrivilegeChange(
                      catalog.current(),
                      new PrivilegeSelectionRequest(
                          product.productCode, chosen, order.newToOperator(), order.newToPartner()),
                      new PrivilegeChange(
                          product.privilegeChangesIn(cycle), cycle.plusMonths(1).toString())),
                  "privileges-refused",
                  "the change of privileges is refused");
              ProductEntity.PrivilegesAsked asked = product.askPrivileges(chosen, cycle, now);
              ProductRecords.audit(
                  grants.audit(),
                  product,
                  Optional.of(product.status),
                  "privileges "
                      + asked.from()
                      + " to change to "
                      + asked.to()
                      + " from "
                      + asked.inForceFrom(),
                  actor,
                  now);
              return product.id;
            });
    return get(id);
  }

  /**
   * Suspends, resumes or terminates a subscription.
   *
   * @throws ProvisioningException unknown product or a move the lifecycle does not allow
   */
  public Subscription changeStatus(
      long productId, ProductStatus target, String reason, Actor actor) {
    unit.run(
        em ->
            ProductRecords.moveTo(
                grants.audit(),
                ProductRecords.lock(em, productId),
                target,
                reason,
                actor,
                clock.instant()));
    charging.bringUp(productId);
    return get(productId);
  }

  public Subscription get(long productId) {
    return find(productId)
        .orElseThrow(() -> ProvisioningException.notFound("no product " + productId));
  }

  public Optional<Subscription> find(long productId) {
    return unit.call(
        em -> Optional.ofNullable(em.find(ProductEntity.class, productId)).map(p -> view(em, p)));
  }

  /** Subscriptions on a number, newest first (a number is reused only after termination). */
  public List<Subscription> byMsisdn(String msisdn) {
    return unit.call(
        em ->
            em
                .createQuery(
                    "FROM ProductEntity WHERE msisdn = :msisdn ORDER BY id DESC",
                    ProductEntity.class)
                .setParameter("msisdn", msisdn)
                .getResultList()
                .stream()
                .map(p -> view(em, p))
                .toList());
  }

  /** The perk notices queued for a partner, oldest first. */
  public List<OutboxMessage> perkNotices(String partnerCode) {
    return grants.outbox().to(Destination.partner(partnerCode));
  }

  /** Every state change of a subscription, oldest first. */
  public List<AuditEntry> history(long productId) {
    return grants.audit().of(AuditTrail.Subject.PRODUCT, productId);
  }

  private Subscription view(EntityManager em, ProductEntity product) {
    List<String> privileges = ProductRecords.codes(product.privileges);
    List<Long> zeroRated =
        List.copyOf(
            new TreeSet<>(
                ProductRecords.held(catalog.current().product(product.productCode), privileges)
                    .filter(p -> p.benefit() instanceof ZeroRating)
                    .flatMap(p -> ((ZeroRating) p.benefit()).ratingGroups().stream())
                    .toList()));
    ProductOrder order = orders.orders().byId(product.orderId);
    return new Subscription(
        product.id,
        order.orderCode(),
        product.productCode,
        product.partnerCode,
        product.msisdn,
        product.iccid,
        Masked.name(personalData.seal().open("name", product.holderNameSealed)),
        product.idNumberMasked,
        product.status(),
        privileges,
        Optional.ofNullable(product.pendingPrivileges).map(ProductRecords::codes),
        Optional.ofNullable(product.pendingFrom),
        ProductRecords.readGifts(product.gifts),
        zeroRated,
        product.createdAt,
        Optional.ofNullable(product.activatedAt));
  }

  private static Optional<ProductEntity> lockActiveByMsisdn(EntityManager em, String msisdn) {
    return em.createQuery(
            "FROM ProductEntity WHERE msisdn = :msisdn AND status = 'active'", ProductEntity.class)
        .setParameter("msisdn", msisdn)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }
}
