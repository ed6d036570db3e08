package io.simbundle.charging.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "charging_account")
class AccountEntity {
  @Id
  @Column(length = 15)
  String msisdn;

  @Column(length = 15)
  String imsi;

  @Column(nullable = false, columnDefinition = "longtext")
  String state;

  // Two engine nodes must never overwrite each other's balances silently.
  @Version
  @Column(nullable = false)
  long version;

  @Column(name = "next_expiry")
  Instant nextExpiry;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
