package io.simbundle.catalog.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;

/** Single-table layout: the columns that belong to other kinds stay null. */
@Entity
@Table(name = "catalog_privilege")
class PrivilegeEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "product_id")
  ProductOfferingEntity product;

  @Column(nullable = false)
  int position;

  @Column(name = "in_menu", nullable = false)
  boolean inMenu;

  @Column(nullable = false, length = 64)
  String code;

  @Column(nullable = false)
  String name;

  @Column(nullable = false, length = 2000)
  String description;

  @Column(nullable = false, length = 16)
  String kind;

  @Convert(converter = CommaSeparatedCodes.class)
  @Column(nullable = false, length = 1000)
  List<String> excludes;

  @Convert(converter = CommaSeparatedCodes.class)
  @Column(nullable = false, length = 1000)
  List<String> requires;

  @Convert(converter = CommaSeparatedNumbers.class)
  @Column(name = "b2b2c_types", nullable = false, length = 16)
  List<Long> b2b2cTypes;

  @Convert(converter = CommaSeparatedNumbers.class)
  @Column(name = "rating_groups", length = 1000)
  List<Long> ratingGroups;

  @Convert(converter = CommaSeparatedNumbers.class)
  @Column(name = "service_identifiers", length = 1000)
  List<Long> serviceIdentifiers;

  @Convert(converter = CommaSeparatedNumbers.class)
  @Column(name = "excluded_rating_groups", length = 1000)
  List<Long> excludedRatingGroups;

  @Column(name = "monthly_cap_mb")
  Long monthlyCapMb;

  Long megabytes;

  @Column(length = 16)
  String recurrence;

  @Column(name = "validity_days")
  Integer validityDays;

  @Column(name = "perk_code", length = 64)
  String perkCode;

  @Column(name = "minutes_per_cycle")
  Integer minutesPerCycle;

  @Convert(converter = CommaSeparatedCodes.class)
  @Column(name = "called_prefixes", length = 1000)
  List<String> calledPrefixes;
}
