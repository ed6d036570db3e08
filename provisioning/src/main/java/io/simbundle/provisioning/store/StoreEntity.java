package io.simbundle.provisioning.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "store")
class StoreEntity {
  @Id
  @Column(length = 32)
  String id;

  @Column(nullable = false, length = 128)
  String name;

  @Column(name = "callback_url", nullable = false, length = 512)
  String callbackUrl;

  @Column(nullable = false, length = 1000)
  String campaigns;

  @Column(name = "secret_sealed", nullable = false, length = 512)
  String secretSealed;

  @Column(name = "previous_secret_sealed", length = 512)
  String previousSecretSealed;

  @Column(name = "previous_valid_until")
  Instant previousValidUntil;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(nullable = false)
  int version;
}
