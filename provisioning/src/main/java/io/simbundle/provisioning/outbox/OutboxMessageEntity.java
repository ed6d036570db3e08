package io.simbundle.provisioning.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;
import java.time.Instant;

@Entity
@Table(name = "outbox_message")
class OutboxMessageEntity {
  @Id
  // In blocks, so that a batch of rows goes to the database in one insert (see V6).
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "outbox_message_id")
  @TableGenerator(
      name = "outbox_message_id",
      table = "id_block",
      pkColumnName = "name",
      valueColumnName = "next_value",
      pkColumnValue = "outbox_message",
      allocationSize = 50)
  Long id;

  @Column(nullable = false, length = 64)
  String destination;

  @Column(nullable = false, length = 32)
  String kind;

  @Column(nullable = false, columnDefinition = "TEXT")
  String payload;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "delivered_at")
  Instant deliveredAt;

  @Column(nullable = false)
  int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  Instant nextAttemptAt;

  @Column(name = "last_error", length = 1000)
  String lastError;
}
