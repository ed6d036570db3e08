package io.simbundle.provisioning.sales.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A TMF676 payment taken on an order, written once in the transaction that changes the order's
 * amount paid: what a store's daily reconciliation lists.
 */
@Entity
@Table(name = "payment")
class Payment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "order_id", nullable = false)
  long orderId;

  @Column(nullable = false, length = 32)
  String channel;

  @Column(name = "amount_fen", nullable = false)
  long amountFen;

  @Column(nullable = false, length = 128)
  String reference;

  @Column(name = "paid_at", nullable = false)
  Instant paidAt;

  /** For JPA. */
  protected Payment() {}

  Payment(ProductOrder order, long amountFen, String reference, Instant at) {
    this.orderId = order.id();
    this.channel = order.channel;
    this.amountFen = amountFen;
    this.reference = reference;
    this.paidAt = at;
  }
}
