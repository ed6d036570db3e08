package io.simbundle.provisioning.sales.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A TMF676 refund: money paid back on an order. It is written once, in the transaction that changes
 * the order's payments, and never changed; the store's refund id makes a repeat find it.
 */
@Entity
@Table(name = "refund")
class Refund {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "refund_code", nullable = false, length = 16)
  String refundCode;

  @Column(name = "order_id", nullable = false)
  long orderId;

  @Column(nullable = false, length = 32)
  String channel;

  @Column(name = "correlator_id", nullable = false, length = 64)
  String correlatorId;

  @Column(nullable = false, length = 16)
  String kind;

  @Column(name = "amount_fen", nullable = false)
  long amountFen;

  @Column(nullable = false, length = 500)
  String reason;

  @Column(nullable = false, length = 64)
  String actor;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  /** For JPA. */
  protected Refund() {}

  Refund(
      String refundCode,
      ProductOrder order,
      String correlatorId,
      RefundKind kind,
      long amountFen,
      String reason,
      String actor,
      Instant at) {
    this.refundCode = refundCode;
    this.orderId = order.id();
    this.channel = order.channel;
    this.correlatorId = correlatorId;
    this.kind = kind.name();
    this.amountFen = amountFen;
    this.reason = reason;
    this.actor = actor;
    this.createdAt = at;
  }

  /** Whether a request with the same refund id asks for this very refund. */
  boolean sameAs(RefundRequest request, ProductOrder order) {
    return orderId == order.id() && request.amountFen() == amountFen;
  }

  RefundView view(String orderCode) {
    return new RefundView(
        refundCode,
        correlatorId,
        orderCode,
        RefundKind.valueOf(kind),
        amountFen,
        reason,
        createdAt);
  }
}
