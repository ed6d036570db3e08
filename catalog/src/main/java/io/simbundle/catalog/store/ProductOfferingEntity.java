package io.simbundle.catalog.store;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "catalog_product_offering")
class ProductOfferingEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "version_id")
  CatalogVersionEntity catalogVersion;

  @Column(nullable = false)
  int position;

  @Column(nullable = false, length = 64)
  String code;

  @Column(nullable = false)
  String name;

  @Column(nullable = false, length = 2000)
  String description;

  @Column(name = "partner_code", nullable = false, length = 64)
  String partnerCode;

  @Column(name = "lifecycle_status", nullable = false, length = 16)
  String lifecycleStatus;

  @Convert(converter = CommaSeparatedCodes.class)
  @Column(nullable = false)
  List<String> provinces;

  @Column(name = "monthly_fee_fen", nullable = false)
  long monthlyFeeFen;

  @Column(name = "data_mb", nullable = false)
  long dataMb;

  @Column(name = "voice_minutes", nullable = false)
  int voiceMinutes;

  @Column(nullable = false)
  int sms;

  @Column(name = "voice_unit_seconds", nullable = false)
  int voiceUnitSeconds;

  @Column(name = "menu_name", nullable = false)
  String menuName;

  @Column(name = "menu_lower_limit", nullable = false)
  int menuLowerLimit;

  @Column(name = "menu_upper_limit", nullable = false)
  int menuUpperLimit;

  @Column(name = "partner_share_percent", nullable = false)
  int partnerSharePercent;

  @Column(name = "sponsored_fen_per_gb", nullable = false)
  long sponsoredFenPerGb;

  @Column(name = "sponsored_fen_per_minute", nullable = false)
  long sponsoredFenPerMinute;

  @Column(name = "integrator_code", length = 64)
  String integratorCode;

  @Column(name = "integrator_share_percent", nullable = false)
  int integratorSharePercent;

  @Column(name = "voice_overage_fen_per_minute")
  Long voiceOverageFenPerMinute;

  @Column(name = "sms_overage_fen")
  Long smsOverageFen;

  @OneToMany(mappedBy = "product", cascade = CascadeType.ALL)
  @OrderBy("position")
  List<PrivilegeEntity> privileges = new ArrayList<>();
}
