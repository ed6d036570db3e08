package io.simbundle.provisioning.subscription;

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

  /** On credit: asked of the payer, then paid or declined by its callback. */
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
   * Records the payer's answer.
   *
   * @throws io.simbundle.provisioning.ProvisioningException a conflict when the fee is not asked of
   *     a payer or was paid already
   */
  void collected(boolean paid, String reference, Instant at) {
    if (collection == null || PAID.equals(collection)) {
      throw io.simbundle.provisioning.ProvisioningException.conflict(
          "fee-state",
          "the monthly fee "
              + id
              + " for "
              + cycle
              + (collection == null ? " is not collected by a payer" : " is paid already"));
    }
    collection = paid ? PAID : DECLINED;
    collectionReference = reference;
    collectedAt = at;
  }

  boolean unpaidAndSuspending() {
    return suspendedAt != null && !PAID.equals(collection);
  }
}
