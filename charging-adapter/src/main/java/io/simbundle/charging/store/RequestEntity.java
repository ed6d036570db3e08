package io.simbundle.charging.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

@Entity
@Table(name = "charging_request")
@IdClass(RequestEntity.Key.class)
class RequestEntity {
  @Id
  @Column(name = "session_id", length = 255)
  String sessionId;

  @Id
  @Column(name = "request_number")
  long requestNumber;

  @Column(length = 15)
  String msisdn;

  @Column(nullable = false, columnDefinition = "longtext")
  String outcome;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  /** Session-Id and CC-Request-Number identify a request, and its retransmissions. */
  record Key(String sessionId, long requestNumber) implements Serializable {}
}
