package io.simbundle.provisioning.partner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "partner_endpoint")
class PartnerEndpointEntity {
  @Id
  @Column(name = "partner_code", length = 64)
  String partnerCode;

  @Column(nullable = false, length = 512)
  String url;

  @Column(name = "user_check_url", length = 512)
  String userCheckUrl;

  @Column(name = "secret_sealed", nullable = false, length = 512)
  String secretSealed;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;
}
