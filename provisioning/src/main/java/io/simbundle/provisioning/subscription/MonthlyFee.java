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
}
