package io.simbundle.catalog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

@Entity
@Table(name = "catalog_presale_campaign")
class PresaleCampaignEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "version_id")
  CatalogVersionEntity catalogVersion;

  @Column(nullable = false)
  int position;

  @Column(nullable = false, length = 64)
  String code;

  @Column(nullable = false)
  String name;

  @Column(name = "product_code", nullable = false, length = 64)
  String productCode;

  @Convert(converter = CommaSeparatedCodes.class)
  @Column(nullable = false, length = 1000)
  List<String> channels;

  @Convert(converter = CommaSeparatedCodes.class)
  @Column(nullable = false)
  List<String> provinces;

  @Column(nullable = false)
  long stock;

  @Column(name = "sale_start", nullable = false)
  Instant saleStart;

  @Column(name = "sale_end", nullable = false)
  Instant saleEnd;

  @Column(name = "per_buyer_limit", nullable = false)
  int perBuyerLimit;

  @Column(name = "deposit_fen", nullable = false)
  long depositFen;

  @Column(name = "price_fen", nullable = false)
  long priceFen;

  @Column(name = "final_payment_opens")
  Instant finalPaymentOpens;

  @Column(name = "final_payment_closes")
  Instant finalPaymentCloses;

  @Column(name = "final_payment_days")
  Integer finalPaymentDays;

  @Column(name = "unpaid_deposit", nullable = false, length = 16)
  String unpaidDeposit;

  @Column(name = "return_window_days", nullable = false)
  int returnWindowDays;

  @Column(name = "when_partner_silent", nullable = false, length = 24)
  String whenPartnerSilent;

  @Column(name = "instalment_months", nullable = false)
  int instalmentMonths;

  @Column(name = "max_items_per_order", nullable = false)
  int maxItemsPerOrder;
}
