package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.CatalogService;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.account.UsageThreshold;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.identity.OneTimeCodes;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.Outbox;
import io.simbundle.provisioning.outbox.OutboxMessage;
import io.simbundle.provisioning.privacy.PersonalData;
import io.simbundle.provisioning.sales.buyer.BuyerRecords;
import io.simbundle.provisioning.sales.inventory.Inventory;
import io.simbundle.provisioning.sales.order.CardReturns;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.rules.RulesService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of the subscription room (TMF637 products): activation with the real-name check,
 * privilege changes and status changes, each a use case of its own ({@link ActivatingCards}, {@link
 * ChangingPrivileges}, {@link ChangingStatus}) over the {@link ProductEntity} aggregate, which
 * holds the rules. Charging is brought in step by {@link ChargingSync} once a change is stored, so
 * a charging outage never loses an activation.
 */
public final class SubscriptionService {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

  private final SubscriptionRoom room;
  private final SubscriptionViews views;
  private final ActivatingCards activating;
  private final ChangingPrivileges privileges;
  private final ChangingStatus status;
  private final ChargingSync charging;
  private final UsageNotices usageNotices;
  private final Outbox outbox;
  private final NumberProofs proofs;
  private final GiftExpiryNotices giftExpiry;
  private final ReturningCards returns;
  private final ChargingMonthlyFees fees;
  private final CollectingFees collecting;

  public SubscriptionService(
      PersistenceUnit unit,
      CatalogService catalog,
      RulesService rules,
      BuyerRecords records,
      OrderService orders,
      PersonalData personalData,
      Outbox outbox,
      ChargingFunction charging,
      Optional<OneTimeCodes> codes,
      Inventory inventory,
      Duration numberQuarantine,
      Clock clock) {
    this.room =
        new SubscriptionRoom(
            unit,
            new Subscriptions(unit),
            orders.orders(),
            catalog,
            rules,
            new Grants(catalog, rules, records),
            new SubscriptionChanges(
                new AuditTrail(unit), new NumberRecycling(inventory, numberQuarantine)),
            new PerkNotices(outbox),
            clock);
    this.views = new SubscriptionViews(room, personalData);
    this.proofs = new NumberProofs(codes, outbox, new AuditTrail(unit));
    this.activating = new ActivatingCards(room, orders, records, personalData, proofs);
    this.privileges = new ChangingPrivileges(room, personalData, proofs);
    this.charging = new ChargingSync(room, privileges, charging);
    this.status = new ChangingStatus(room, this.charging);
    this.usageNotices = new UsageNotices(room, outbox);
    this.giftExpiry = new GiftExpiryNotices(room, charging, outbox);
    this.outbox = outbox;
    this.returns = new ReturningCards(room, this.charging);
    this.fees = new ChargingMonthlyFees(room, new CollectionRequests(outbox));
    this.collecting = new CollectingFees(room, this.charging);
  }

  /** The default rest of a terminated subscription's number before it is sold again: 90 days. */
  public static Duration defaultNumberQuarantine() {
    return NumberRecycling.DEFAULT_QUARANTINE;
  }

  /**
   * Charges active subscriptions their monthly fee for the current billing cycle, up to {@code
   * atMost} of them (a background job).
   *
   * @return how many were charged
   */
  public int chargeMonthlyFees(int atMost) {
    return fees.chargeDue(atMost);
  }

  /**
   * Records a credit payer's answer about one of its fees: paid (a subscription suspended for it is
   * restored), declined, or reversed after it was paid (unpaid again, with a new grace).
   *
   * @throws io.simbundle.provisioning.ProvisioningException not found for an unknown fee or another
   *     payer's, a conflict when it was paid already or is reversed without having been paid
   */
  public FeeCollection recordCollection(
      String payer, long feeId, CollectionOutcome outcome, String reference, Actor actor) {
    return collecting.record(payer, feeId, outcome, reference, actor);
  }

  /**
   * Suspends subscriptions whose credit fee is still unpaid {@code grace} after it was asked (a
   * background job).
   *
   * @return how many were suspended
   */
  public int suspendForUnpaidCredit(Duration grace, int atMost) {
    return collecting.suspendOverdue(grace, atMost);
  }

  /** How a refund for a returned card ends its subscription. */
  public CardReturns cardReturns() {
    return returns;
  }

  public static List<Class<?>> entities() {
    return List.of(ProductEntity.class, MonthlyFee.class);
  }

  /** Keeps charging in step with the subscriptions; run by the engine's jobs. */
  public ChargingSync chargingSync() {
    return charging;
  }

  /** Where charging tells of the usage thresholds subscribers pass: the outbox, to them. */
  /** The notices of gifts about to expire, for the background job. */
  public GiftExpiryNotices giftExpiryNotices() {
    return giftExpiry;
  }

  public Consumer<UsageThreshold> usageNotices() {
    return usageNotices;
  }

  /** The messages waiting for a subscriber (usage alerts), oldest first. */
  public List<OutboxMessage> noticesTo(long productId) {
    return outbox.to(Destination.subscriber(productId));
  }

  /** The card an order code or ICCID names, for the activation page: its product and menu. */
  public CardToActivate cardToActivate(String orderCodeOrIccid) {
    return activating.card(orderCodeOrIccid);
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
    long productId = activating.activate(request, actor);
    log.info("product {} created", productId);
    charging.bringUp(productId);
    return get(productId);
  }

  /**
   * Asks for other privileges: checked by the rules (a valid choice, at most one change per billing
   * cycle) and in force from the next cycle, when {@link ChargingSync} puts it in place.
   *
   * @param code the code sent to the number, where {@link #codesRequired()}
   * @throws ProvisioningException no active card with this number and ID number, refused, or 401
   *     for a missing or wrong code
   */
  public Subscription changePrivileges(
      String msisdn, String idNumber, List<String> chosen, Optional<String> code, Actor actor) {
    return get(privileges.ask(msisdn, idNumber, chosen, code, actor));
  }

  /**
   * Whether activating a card and changing privileges by number need a code sent by SMS to the
   * number: whenever the engine can send SMS.
   */
  public boolean codesRequired() {
    return proofs.required();
  }

  /**
   * Sends the activation code to the card's number once its holder passed the real-name check.
   *
   * @throws ProvisioningException not activatable, or the real-name check refused; 429 when asked
   *     too often
   */
  public void requestActivationCode(ActivationRequest holder, String address) {
    activating.requestCode(holder, address);
  }

  /**
   * Sends the code a privilege change needs to a number whose active card has this ID number;
   * answers the same for any other number and sends nothing.
   */
  public void requestPrivilegeChangeCode(String msisdn, String idNumber, String address) {
    privileges.requestCode(msisdn, idNumber, address);
  }

  /**
   * Asks for other privileges on a subscription whose holder is signed in, as {@link
   * #changePrivileges(String, String, List, Optional, Actor)} does for a number and ID number.
   *
   * @throws ProvisioningException not active, or refused by the rules
   */
  public Subscription changePrivileges(long productId, List<String> chosen, Actor actor) {
    return get(privileges.ask(productId, chosen, actor));
  }

  /**
   * Suspends, resumes or terminates a subscription.
   *
   * @throws ProvisioningException unknown product or a move the lifecycle does not allow
   */
  public Subscription changeStatus(
      long productId, ProductStatus target, String reason, Actor actor) {
    status.change(productId, target, reason, actor);
    return get(productId);
  }

  public Subscription get(long productId) {
    return find(productId)
        .orElseThrow(() -> ProvisioningException.notFound("no product " + productId));
  }

  public Optional<Subscription> find(long productId) {
    return room.unit().call(em -> room.subscriptions().find(productId).map(views::of));
  }

  /** Subscriptions on a number, newest first (a number is reused only after termination). */
  public List<Subscription> byMsisdn(String msisdn) {
    return room.unit()
        .call(em -> room.subscriptions().byMsisdn(msisdn).stream().map(views::of).toList());
  }

  /** The perk notices queued for a partner, oldest first. */
  public List<OutboxMessage> perkNotices(String partnerCode) {
    return room.perks().queuedFor(partnerCode);
  }

  /** Every state change of a subscription, oldest first. */
  public List<AuditEntry> history(long productId) {
    return room.changes().trail().of(AuditTrail.Subject.PRODUCT, productId);
  }
}
