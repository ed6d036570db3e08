package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.ProvisioningException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A subscription's monthly fee for one billing cycle: the plan's fee from the catalog version
 * governing it that month, and who pays it. Written once; the same cycle is never charged twice (a
 * unique key).
 */
@Entity
@Table(name = "monthly_fee")
class MonthlyFee {

  /** The month the card was activated in is paid with its order. */
  static final String PAID_WITH_ORDER = "order";

  /** Any later month is the holder's to pay, unless a credit payer pays it. */
  static final String HOLDER = "holder";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "product_id", nullable = false)
  long productId;

  @Column(nullable = false, length = 7)
  String cycle;

  @Column(name = "product_code", nullable = false, length = 64)
  String productCode;

  @Column(name = "partner_code", nullable = false, length = 64)
  String partnerCode;

  @Column(name = "catalog_version", nullable = false, length = 64)
  String catalogVersion;

  @Column(name = "amount_fen", nullable = false)
  long amountFen;

  @Column(nullable = false, length = 64)
  String payer;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  /** On credit: which of the payer's instalments this is (1 for the first). */
  @Column Integer instalment;

  /** On credit: asked of the payer, then paid, declined or (once paid) reversed by its callback. */
  @Column(length = 16)
  String collection;

  @Column(name = "collection_reference", length = 128)
  String collectionReference;

  @Column(name = "collected_at")
  Instant collectedAt;

  /** When the subscription was suspended for this fee being unpaid past the grace. */
  @Column(name = "suspended_at")
  Instant suspendedAt;

  static final String ASKED = "asked";
  static final String PAID = "paid";
  static final String DECLINED = "declined";
  static final String REVERSED = "reversed";

  /** For JPA. */
  protected MonthlyFee() {}

  MonthlyFee(
      ProductEntity product,
      YearMonth cycle,
      String catalogVersion,
      long amountFen,
      String payer,
      Instant at) {
    this.productId = product.id;
    this.cycle = cycle.toString();
    this.productCode = product.productCode;
    this.partnerCode = product.partnerCode;
    this.catalogVersion = catalogVersion;
    this.amountFen = amountFen;
    this.payer = payer;
    this.createdAt = at;
  }

  /** A fee the credit payer is asked to collect, its {@code instalment}th. */
  static MonthlyFee onCredit(
      ProductEntity product,
      YearMonth cycle,
      String catalogVersion,
      long amountFen,
      String payer,
      int instalment,
      Instant at) {
    MonthlyFee fee = new MonthlyFee(product, cycle, catalogVersion, amountFen, payer, at);
    fee.instalment = instalment;
    fee.collection = ASKED;
    return fee;
  }

  /**
   * Records the payer's answer. A fee may be paid or declined while it is not paid; a paid one may
   * be reversed, which makes it unpaid again: the grace starts over from the reversal.
   *
   * @throws ProvisioningException a conflict when the fee is not asked of a payer, is paid already,
   *     or is reversed without having been paid
   */
  void collected(CollectionOutcome outcome, String reference, Instant at) {
    if (collection == null) {
      throw refused("is not collected by a payer");
    }
    boolean paid = PAID.equals(collection);
    if (outcome == CollectionOutcome.REVERSED && !paid) {
      throw refused("is not paid, so there is nothing to reverse");
    }
    if (outcome != CollectionOutcome.REVERSED && paid) {
      throw refused("is paid already");
    }
    collection = outcome.apiName();
    collectionReference = reference;
    collectedAt = at;
    if (outcome == CollectionOutcome.REVERSED) {
      // Suspended before and restored when paid: a new grace, and a new suspension after it.
      suspendedAt = null;
    }
  }

  private ProvisioningException refused(String why) {
    return ProvisioningException.conflict(
        "fee-state", "the monthly fee " + id + " for " + cycle + " " + why);
  }

  boolean unpaidAndSuspending() {
    return suspendedAt != null && !PAID.equals(collection);
  }
}
