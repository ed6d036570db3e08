package io.simbundle.provisioning.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "outbox_dead_letter")
class DeadLetterEntity {
  @Id Long id;

  @Column(nullable = false, length = 64)
  String destination;

  @Column(nullable = false, length = 32)
  String kind;

  @Column(nullable = false, columnDefinition = "TEXT")
  String payload;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(nullable = false)
  int attempts;

  @Column(name = "last_error", length = 1000)
  String lastError;

  @Column(name = "dead_at", nullable = false)
  Instant deadAt;
}
