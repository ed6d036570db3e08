package io.simbundle.catalog.store;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "catalog_version")
class CatalogVersionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(nullable = false, length = 64)
  String version;

  @Column(name = "effective_from", nullable = false)
  Instant effectiveFrom;

  @Column(name = "moves_existing", nullable = false)
  boolean movesExisting;

  @Column(nullable = false)
  String source;

  @Column(nullable = false, length = 64, columnDefinition = "char(64)")
  String checksum;

  @Column(name = "stored_at", nullable = false)
  Instant storedAt;

  /** The version's own notice texts as JSON; null when it has none. */
  @Column(columnDefinition = "TEXT")
  String notices;

  @OneToMany(mappedBy = "catalogVersion", cascade = CascadeType.ALL)
  @OrderBy("position")
  List<PartnerEntity> partners = new ArrayList<>();

  @OneToMany(mappedBy = "catalogVersion", cascade = CascadeType.ALL)
  @OrderBy("position")
  List<ProductOfferingEntity> products = new ArrayList<>();

  @OneToMany(mappedBy = "catalogVersion", cascade = CascadeType.ALL)
  @OrderBy("position")
  List<PresaleCampaignEntity> campaigns = new ArrayList<>();
}
