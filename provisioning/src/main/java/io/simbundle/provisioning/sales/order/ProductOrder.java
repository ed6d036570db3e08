package io.simbundle.provisioning.sales.order;

import com.fasterxml.jackson.core.type.TypeReference;
import io.simbundle.catalog.campaign.UnpaidDeposit;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.sales.buyer.BuyerType;
import io.simbundle.provisioning.sales.inventory.Allocation;
import io.simbundle.rules.decision.Reason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The row of an order; {@link ProductOrderView} is what leaves the module. */
@Entity
@Table(name = "product_order")
public class ProductOrder {
  @Id
  // In blocks, so that a batch of rows goes to the database in one insert (see V6).
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "product_order_id")
  @TableGenerator(
      name = "product_order_id",
      table = "id_block",
      pkColumnName = "name",
      valueColumnName = "next_value",
      pkColumnValue = "product_order",
      allocationSize = 50)
  Long id;

  @Column(name = "order_code", nullable = false, length = 16)
  String orderCode;

  @Column(nullable = false, length = 32)
  String channel;

  @Column(name = "external_id", length = 64)
  String externalId;

  @Column(name = "product_code", nullable = false, length = 64)
  String productCode;

  @Column(name = "campaign_code", length = 64)
  String campaignCode;

  @Column(name = "catalog_version", nullable = false, length = 64)
  String catalogVersion;

  @Column(nullable = false, length = 2)
  String province;

  @Column(name = "id_number_digest", nullable = false, length = 64)
  String idNumberDigest;

  @Column(name = "buyer_name_sealed", nullable = false, length = 512)
  String buyerNameSealed;

  @Column(name = "id_number_sealed", nullable = false, length = 512)
  String idNumberSealed;

  @Column(name = "id_number_masked", nullable = false, length = 32)
  String idNumberMasked;

  @Column(name = "basket_code", length = 16)
  String basketCode;

  @Column(name = "basket_item", nullable = false)
  int basketItem;

  @Column(name = "holder_digest", length = 64)
  String holderDigest;

  @Column(name = "holder_name_sealed", length = 512)
  String holderNameSealed;

  @Column(name = "holder_id_sealed", length = 512)
  String holderIdSealed;

  @Column(name = "holder_id_masked", length = 32)
  String holderIdMasked;

  @Column(name = "new_to_operator", nullable = false)
  boolean newToOperator;

  @Column(name = "new_to_partner", nullable = false)
  boolean newToPartner;

  @Column(name = "buyer_type_basis", length = 500)
  String buyerTypeBasis;

  @Column(name = "payment_type", nullable = false, length = 16)
  String paymentType;

  @Column(name = "amount_due_fen", nullable = false)
  long amountDueFen;

  @Column(name = "amount_paid_fen", nullable = false)
  long amountPaidFen;

  @Column(name = "deposit_fen", nullable = false)
  long depositFen;

  @Column(name = "final_payment_opens")
  Instant finalPaymentOpens;

  @Column(name = "final_payment_closes")
  Instant finalPaymentCloses;

  @Column(name = "unpaid_deposit", length = 16)
  String unpaidDeposit;

  @Column(name = "return_window_days", nullable = false)
  int returnWindowDays;

  @Column(name = "instalment_months", nullable = false)
  int instalmentMonths;

  @Column(name = "amount_refunded_fen", nullable = false)
  long amountRefundedFen;

  @Column(name = "credit_payer", length = 64)
  String creditPayer;

  @Column(name = "credit_authorization", length = 128)
  String creditAuthorization;

  @Column(length = 15)
  String msisdn;

  @Column(length = 20)
  String iccid;

  @Column(length = 15)
  String imsi;

  @Column(nullable = false, length = 16)
  String state;

  @Column(name = "state_reason", length = 1000)
  String stateReason;

  @Column(name = "refusals", columnDefinition = "TEXT")
  String refusalsJson;

  @Column(name = "reserved_until")
  Instant reservedUntil;

  @Column(name = "shipped_at")
  Instant shippedAt;

  @Column(length = 32)
  String carrier;

  @Column(name = "tracking_number", length = 64)
  String trackingNumber;

  @Column(name = "completed_at")
  Instant completedAt;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(nullable = false)
  int version;

  /** For JPA. */
  protected ProductOrder() {}

  /**
   * A new order for one card, not yet stored or decided.
   *
   * @param orderCode the card's order code; for an item of a basket, the basket's code and the
   *     item's number
   * @param basketCode the code of the order of several cards this one is an item of, if it is
   * @param item which of the request's cards this is, from 1
   * @param buyer the buyer's personal data, sealed and digested by the caller
   * @param holder the holder's, when the card is for someone else
   */
  static ProductOrder draft(
      String orderCode,
      Optional<String> basketCode,
      int item,
      OrderRequest request,
      String catalogVersion,
      OrderTerms terms,
      BuyerType type,
      SealedPerson buyer,
      Optional<SealedPerson> holder,
      Instant now) {
    ProductOrder order = new ProductOrder();
    order.orderCode = orderCode;
    order.basketCode = basketCode.orElse(null);
    order.basketItem = item;
    holder.ifPresent(
        h -> {
          order.holderDigest = h.idNumberDigest();
          order.holderNameSealed = h.nameSealed();
          order.holderIdSealed = h.idNumberSealed();
          order.holderIdMasked = h.idNumberMasked();
        });
    order.channel = request.channel();
    order.externalId = request.externalId().orElse(null);
    order.productCode = request.productCode();
    order.campaignCode = request.campaignCode().orElse(null);
    order.catalogVersion = catalogVersion;
    order.province = request.province().name();
    order.idNumberDigest = buyer.idNumberDigest();
    order.buyerNameSealed = buyer.nameSealed();
    order.idNumberSealed = buyer.idNumberSealed();
    order.idNumberMasked = buyer.idNumberMasked();
    order.newToOperator = type.newToOperator();
    order.newToPartner = type.newToPartner();
    order.buyerTypeBasis = type.basis();
    order.paymentType = request.payment().type().apiName();
    order.amountDueFen = terms.dueFen();
    order.depositFen = terms.depositFen();
    terms
        .finalPayment()
        .ifPresent(
            window -> {
              order.finalPaymentOpens = window.opens();
              order.finalPaymentCloses = window.closes();
            });
    order.unpaidDeposit = terms.unpaidDeposit().map(Enum::name).orElse(null);
    order.returnWindowDays = terms.returnWindowDays();
    order.instalmentMonths = terms.instalmentMonths();
    order.creditPayer = request.payment().creditPayer().orElse(null);
    order.creditAuthorization = request.payment().creditAuthorization().orElse(null);
    order.createdAt = now;
    order.updatedAt = now;
    return order;
  }

  /** A new order the rules or the stock refused: stored with the reasons, final. */
  OrderChange reject(List<Reason> refusals, String reason, Instant now) {
    requireNew();
    refusalsJson = Json.write(refusals);
    return first(OrderState.REJECTED, reason, now);
  }

  /** A new order no number or card was left for: stored, final. */
  OrderChange fail(String shortage, Instant now) {
    requireNew();
    return first(OrderState.FAILED, shortage, now);
  }

  /**
   * A new order holding its number and card while it waits for payment ({@code reservedUntil}); an
   * order on credit waits for nothing and is paid at once with {@link #payOnCredit}.
   */
  OrderChange acknowledge(Allocation allocation, Duration paymentWindow, Instant now) {
    requireNew();
    msisdn = allocation.msisdn();
    iccid = allocation.iccid();
    imsi = allocation.imsi();
    if (paymentType() != PaymentType.CREDIT) {
      reservedUntil = createdAt.plus(paymentWindow);
    }
    return first(OrderState.ACKNOWLEDGED, "qualified; reserved " + allocation.msisdn(), now);
  }

  /** An acknowledged order on credit: the payer's authorization stands for the payment. */
  OrderChange payOnCredit(Instant now) {
    if (paymentType() != PaymentType.CREDIT) {
      throw ProvisioningException.conflict(
          "order-state", "order " + orderCode + " is not paid on credit");
    }
    return moveTo(
        OrderState.IN_PROGRESS,
        "paid on credit by " + creditPayer + " (authorization " + creditAuthorization + ")",
        now);
  }

  /**
   * Records a payment; the order moves on once what is due is paid. With a deposit, paying it moves
   * the order to {@code pending} until its final-payment window closes; the rest is taken only
   * while that window is open.
   *
   * @throws ProvisioningException invalid for an amount that is not positive or more than is due, a
   *     conflict when the order is not waiting for payment or its final payment is not open
   */
  OrderChange pay(long amountFen, String reference, Instant now) {
    if (amountFen <= 0) {
      throw new ProvisioningException(
          ProvisioningException.Kind.INVALID, "invalid-payment", "a payment is a positive amount");
    }
    OrderState from = state();
    if (from != OrderState.ACKNOWLEDGED && from != OrderState.PENDING) {
      throw ProvisioningException.conflict(
          "order-state", "order " + orderCode + " is " + state + " and takes no payment");
    }
    long owed = amountDueFen - amountPaidFen;
    if (amountFen > owed) {
      throw ProvisioningException.conflict(
          "overpayment",
          amountFen + " fen is more than the " + owed + " fen still due on order " + orderCode);
    }
    if (depositFen > 0 && amountPaidFen + amountFen > depositFen) {
      requireFinalPaymentOpen(now);
    }
    amountPaidFen += amountFen;
    String what = "payment of " + amountFen + " fen, reference " + reference;
    if (amountPaidFen >= amountDueFen) {
      reservedUntil = null;
      return moveTo(OrderState.IN_PROGRESS, what + "; paid in full", now);
    }
    if (from == OrderState.ACKNOWLEDGED && depositFen > 0 && amountPaidFen >= depositFen) {
      reservedUntil = finalPaymentCloses;
      return moveTo(
          OrderState.PENDING,
          what
              + "; deposit paid, final payment of "
              + (amountDueFen - amountPaidFen)
              + " fen from "
              + finalPaymentOpens
              + " until "
              + finalPaymentCloses,
          now);
    }
    updatedAt = now;
    return new OrderChange(
        Optional.of(from),
        from,
        what + "; " + (amountDueFen - amountPaidFen) + " fen still due",
        now,
        Optional.empty());
  }

  /**
   * How much the order takes now: what is still due, but only the rest of its deposit while its
   * final payment is not open; nothing unless it waits for payment. A payment on an order of
   * several cards is shared out by it.
   */
  long payableNow(Instant now) {
    OrderState current = state();
    if (current != OrderState.ACKNOWLEDGED && current != OrderState.PENDING) {
      return 0;
    }
    long owed = amountDueFen - amountPaidFen;
    if (depositFen > 0 && (now.isBefore(finalPaymentOpens) || !now.isBefore(finalPaymentCloses))) {
      return Math.max(0, Math.min(owed, depositFen - amountPaidFen));
    }
    return owed;
  }

  /**
   * The cards an action on a whole order applies to: those not over. When all are, the first alone,
   * for the action to refuse with its own reason.
   */
  static List<ProductOrder> notOver(List<ProductOrder> cards) {
    List<ProductOrder> live = cards.stream().filter(card -> !card.isFinal()).toList();
    return live.isEmpty() ? List.of(cards.get(0)) : live;
  }

  /** Whether the order is over: rejected, failed, cancelled or completed. */
  boolean isFinal() {
    return state().isFinal();
  }

  private void requireFinalPaymentOpen(Instant now) {
    if (now.isBefore(finalPaymentOpens)) {
      throw ProvisioningException.conflict(
          "final-payment-not-open",
          "order "
              + orderCode
              + " takes its deposit of "
              + depositFen
              + " fen now and the rest from "
              + finalPaymentOpens);
    }
    if (!now.isBefore(finalPaymentCloses)) {
      throw ProvisioningException.conflict(
          "final-payment-closed",
          "the final payment of order " + orderCode + " was due by " + finalPaymentCloses);
    }
  }

  /**
   * Records that a paid order's card left with a carrier.
   *
   * @throws ProvisioningException a conflict unless the order is paid, not yet activated or shipped
   */
  OrderChange ship(String carrier, String trackingNumber, Instant now) {
    if (state() != OrderState.IN_PROGRESS || shippedAt != null) {
      throw ProvisioningException.conflict(
          "order-state",
          "order "
              + orderCode
              + (shippedAt != null
                  ? " is shipped already"
                  : " is " + state + "; only a paid order is shipped"));
    }
    shippedAt = now;
    this.carrier = carrier;
    this.trackingNumber = trackingNumber;
    updatedAt = now;
    return new OrderChange(
        Optional.of(state()),
        state(),
        "shipped by " + carrier + ", tracking " + trackingNumber,
        now,
        Optional.of("order.shipped"));
  }

  /**
   * Cancels an order not yet activated; its number and card are no longer its own (the caller
   * returns them to stock).
   *
   * @throws ProvisioningException a conflict when the order is final
   */
  OrderChange cancel(String reason, Instant now) {
    OrderState next = state().moveTo(OrderState.CANCELLED);
    String released = "; released " + msisdn + " and card " + iccid;
    msisdn = null;
    iccid = null;
    imsi = null;
    reservedUntil = null;
    return moveTo(next, reason + released, now);
  }

  /**
   * Cancels an order whose payment did not come in time: an unpaid order, or one whose deposit was
   * paid but not the rest (the deposit is then kept or owed back, as its campaign said).
   */
  OrderChange expire(Instant now) {
    String why =
        state() == OrderState.PENDING
            ? "final payment not made by "
                + finalPaymentCloses
                + "; deposit of "
                + amountPaidFen
                + " fen "
                + (depositOwedBack() ? "to be refunded" : "kept")
            : "not paid by " + reservedUntil;
    return cancel(why, now);
  }

  /** Whether an expired order's paid deposit goes back to the buyer. */
  boolean depositOwedBack() {
    return UnpaidDeposit.REFUNDED.name().equals(unpaidDeposit);
  }

  /** Whether the order's payment window has passed: unpaid, or its final payment not made. */
  boolean paymentWindowPassed(Instant now) {
    OrderState current = state();
    return (current == OrderState.ACKNOWLEDGED || current == OrderState.PENDING)
        && reservedUntil != null
        && reservedUntil.isBefore(now);
  }

  /**
   * Pays money back: on a cancelled order, or on a completed one whose card came back within its
   * return window (the caller ends the subscription). What is refunded never exceeds what was paid.
   *
   * @throws ProvisioningException invalid for an amount that is not positive; a conflict for more
   *     than is left to refund, or when its return window has closed
   */
  OrderChange refund(long amountFen, RefundKind kind, String refundCode, Instant now) {
    if (amountFen <= 0) {
      throw new ProvisioningException(
          ProvisioningException.Kind.INVALID, "invalid-refund", "a refund is a positive amount");
    }
    long refundable = amountPaidFen - amountRefundedFen;
    if (amountFen > refundable) {
      throw ProvisioningException.conflict(
          "refund-exceeds-payments",
          amountFen + " fen is more than the " + refundable + " fen paid and not yet refunded");
    }
    if (kind == RefundKind.RETURNED_CARD && !now.isBefore(returnBy())) {
      throw ProvisioningException.conflict(
          "return-window-closed",
          "the card of order " + orderCode + " could be returned until " + returnBy());
    }
    amountRefundedFen += amountFen;
    updatedAt = now;
    String what =
        (kind == RefundKind.RETURNED_CARD ? "card returned; refund " : "refund ")
            + refundCode
            + " of "
            + amountFen
            + " fen ("
            + amountRefundedFen
            + " of "
            + amountPaidFen
            + " fen paid now refunded)";
    return new OrderChange(
        Optional.of(state()),
        state(),
        what,
        now,
        Optional.of("order.refunded"),
        Map.of("refund", Map.of("id", refundCode, "kind", kind.apiName(), "amountFen", amountFen)));
  }

  private Instant returnBy() {
    return completedAt.plus(Duration.ofDays(returnWindowDays));
  }

  /**
   * What a refund of this order would be: money back on a cancellation, or a card returned after
   * activation.
   *
   * @throws ProvisioningException a conflict while the order is live
   */
  RefundKind refundKind() {
    return switch (state()) {
      case CANCELLED -> RefundKind.CANCELLED_ORDER;
      case COMPLETED -> RefundKind.RETURNED_CARD;
      default ->
          throw ProvisioningException.conflict(
              "order-state",
              "order "
                  + orderCode
                  + " is "
                  + state
                  + "; it is refunded once cancelled, or once its card is returned after activation");
    };
  }

  /**
   * The card is in service: the order is done.
   *
   * @throws ProvisioningException a conflict unless the order is paid and not cancelled
   */
  OrderChange complete(String reason, Instant now) {
    OrderChange change = moveTo(state().moveTo(OrderState.COMPLETED), reason, now);
    completedAt = now;
    return change;
  }

  /** What the channel the order came from is told of a change. */
  OrderAnnouncement announcement(OrderChange change) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("productOrder", orderCode);
    payload.put("externalId", externalId);
    if (basketCode != null) {
      // The store's order is the order of several cards; this is one of them.
      payload.put("partOf", Map.of("productOrder", basketCode, "item", basketItem));
    }
    if (change.announcedAs().equals(Optional.of("order.shipped"))) {
      payload.put("carrier", carrier);
      payload.put("trackingNumber", trackingNumber);
    } else {
      payload.put("state", state);
      payload.put("stateReason", stateReason);
      payload.put("msisdn", msisdn);
    }
    payload.put("payment", payment());
    payload.putAll(change.details());
    payload.put("at", change.at());
    return new OrderAnnouncement(channel, change.announcedAs().orElseThrow(), payload, change.at());
  }

  /** What was due, paid and refunded, and the final payment still to come, for the store. */
  private Map<String, Object> payment() {
    Map<String, Object> payment = new LinkedHashMap<>();
    payment.put("amountDueFen", amountDueFen);
    payment.put("amountPaidFen", amountPaidFen);
    payment.put("amountRefundedFen", amountRefundedFen);
    if (state() == OrderState.PENDING) {
      payment.put("finalPaymentFen", amountDueFen - amountPaidFen);
      payment.put("finalPaymentOpens", finalPaymentOpens);
      payment.put("finalPaymentCloses", finalPaymentCloses);
    }
    return payment;
  }

  private void requireNew() {
    if (state != null) {
      throw new IllegalStateException("order " + orderCode + " is " + state + " already");
    }
  }

  private OrderChange first(OrderState to, String reason, Instant now) {
    state = to.tmfName();
    stateReason = reason;
    updatedAt = now;
    return OrderChange.move(Optional.empty(), to, reason, now);
  }

  private OrderChange moveTo(OrderState next, String reason, Instant now) {
    OrderState from = state();
    from.moveTo(next);
    state = next.tmfName();
    stateReason = reason;
    updatedAt = now;
    return OrderChange.move(Optional.of(from), next, reason, now);
  }

  PaymentType paymentType() {
    return PaymentType.fromApiName(paymentType).orElseThrow();
  }

  List<Reason> refusals() {
    return refusalsJson == null
        ? List.of()
        : Json.readStored(refusalsJson, new TypeReference<ArrayList<Reason>>() {});
  }

  OrderState state() {
    return OrderState.fromTmfName(state).orElseThrow();
  }

  public long id() {
    return id;
  }

  public String orderCode() {
    return orderCode;
  }

  public String productCode() {
    return productCode;
  }

  public String campaignCode() {
    return campaignCode;
  }

  /** The digest of the buyer's ID number, by which the campaign's limits count orders. */
  public String buyerDigest() {
    return idNumberDigest;
  }

  /**
   * The digest of the ID number of whoever will hold the card: its holder, or the buyer when the
   * order names no other.
   */
  public String holderDigest() {
    return holderDigest != null ? holderDigest : idNumberDigest;
  }

  /** The order of several cards this one belongs to, if it does. */
  public Optional<String> basketCode() {
    return Optional.ofNullable(basketCode);
  }

  public boolean newToOperator() {
    return newToOperator;
  }

  public boolean newToPartner() {
    return newToPartner;
  }

  /** The buyer's B2B2C type as decided when the order was placed, with its basis. */
  public BuyerType buyerType() {
    return new BuyerType(
        newToOperator,
        newToPartner,
        buyerTypeBasis == null
            ? "taken from the store (ordered before types came from facts)"
            : buyerTypeBasis);
  }

  public String msisdn() {
    return msisdn;
  }

  /** Who pays the monthly fee on credit (a "0-yuan phone"); null when the holder pays. */
  public String creditPayer() {
    return creditPayer;
  }

  /** The payer's authorization for an order on credit. */
  public String creditAuthorization() {
    return creditAuthorization;
  }

  /** On credit: how many monthly fees the payer pays; 0 for as long as the subscription lasts. */
  public int instalmentMonths() {
    return instalmentMonths;
  }

  public String iccid() {
    return iccid;
  }

  public String imsi() {
    return imsi;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean shipped() {
    return shippedAt != null;
  }

  public boolean isInProgress() {
    return state() == OrderState.IN_PROGRESS;
  }

  public String stateName() {
    return state;
  }
}
