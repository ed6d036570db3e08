package io.simbundle.provisioning.sales.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;
import java.time.Instant;

/** The row of an order; {@link ProductOrder} is what leaves the module. */
@Entity
@Table(name = "product_order")
public class ProductOrderEntity {
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

  @Column(name = "new_to_operator", nullable = false)
  boolean newToOperator;

  @Column(name = "new_to_partner", nullable = false)
  boolean newToPartner;

  @Column(name = "payment_type", nullable = false, length = 16)
  String paymentType;

  @Column(name = "amount_due_fen", nullable = false)
  long amountDueFen;

  @Column(name = "amount_paid_fen", nullable = false)
  long amountPaidFen;

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

  @Column(columnDefinition = "TEXT")
  String refusals;

  @Column(name = "reserved_until")
  Instant reservedUntil;

  @Column(name = "shipped_at")
  Instant shippedAt;

  @Column(length = 32)
  String carrier;

  @Column(name = "tracking_number", length = 64)
  String trackingNumber;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(nullable = false)
  int version;

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

  public String idNumberDigest() {
    return idNumberDigest;
  }

  public boolean newToOperator() {
    return newToOperator;
  }

  public boolean newToPartner() {
    return newToPartner;
  }

  public String msisdn() {
    return msisdn;
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

  public boolean isInProgress() {
    return state() == OrderState.IN_PROGRESS;
  }

  public String stateName() {
    return state;
  }
}
