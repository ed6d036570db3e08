package io.simbundle.provisioning.subscription;

import com.fasterxml.jackson.core.type.TypeReference;
import io.simbundle.platform.json.Json;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The row of a subscription; {@link Subscription} is what leaves the module. */
@Entity
@Table(name = "product")
class ProductEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  @Column(name = "order_id", nullable = false)
  long orderId;

  @Column(name = "product_code", nullable = false, length = 64)
  String productCode;

  @Column(name = "partner_code", nullable = false, length = 64)
  String partnerCode;

  @Column(name = "catalog_version", nullable = false, length = 64)
  String catalogVersion;

  @Column(name = "id_number_digest", nullable = false, length = 64)
  String idNumberDigest;

  @Column(name = "holder_name_sealed", nullable = false, length = 512)
  String holderNameSealed;

  @Column(name = "id_number_sealed", nullable = false, length = 512)
  String idNumberSealed;

  @Column(name = "id_number_masked", nullable = false, length = 32)
  String idNumberMasked;

  @Column(nullable = false, length = 15)
  String msisdn;

  @Column(nullable = false, length = 20)
  String iccid;

  @Column(nullable = false, length = 15)
  String imsi;

  @Column(nullable = false, length = 16)
  String status;

  @Column(nullable = false, length = 1000)
  String privileges;

  @Column(name = "pending_privileges", length = 1000)
  String pendingPrivileges;

  @Column(name = "pending_from")
  Instant pendingFrom;

  @Column(name = "last_change_cycle", length = 7)
  String lastChangeCycle;

  @Column(nullable = false, columnDefinition = "TEXT")
  String gifts;

  /** The rule set that decided the gifts; null for subscriptions from before it was kept. */
  @Column(name = "gifts_rule_set", length = 64)
  String giftsRuleSet;

  @Column(name = "charged_cycle", length = 7)
  String chargedCycle;

  @Column(name = "charging_state", length = 16)
  String chargingState;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;

  @Column(name = "activated_at")
  Instant activatedAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  @Version
  @Column(nullable = false)
  int version;

  ProductStatus status() {
    return ProductStatus.fromTmfName(status).orElseThrow();
  }

  List<String> privilegeCodes() {
    return codes(privileges);
  }

  /** The privileges asked for and not yet in force. */
  Optional<List<String>> pendingPrivilegeCodes() {
    return Optional.ofNullable(pendingPrivileges).map(ProductEntity::codes);
  }

  private static List<String> codes(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }

  /** The gifts the rules granted, with when each was granted. */
  List<HeldGift> heldGifts() {
    return Json.readStored(gifts, new TypeReference<List<HeldGift>>() {});
  }

  /** Holds the gifts the rules grant now (after activation or a change of privileges). */
  void holdGifts(GrantedGifts granted) {
    gifts = Json.write(granted.gifts());
    giftsRuleSet = granted.ruleSetVersion();
  }

  /** The rule-set version that decided the gifts held; empty when not kept. */
  String giftsRuleSet() {
    return giftsRuleSet == null ? "" : giftsRuleSet;
  }

  /** How many changes of privileges were asked for in {@code cycle} (the rules allow one). */
  int privilegeChangesIn(YearMonth cycle) {
    return cycle.toString().equals(lastChangeCycle) ? 1 : 0;
  }

  /** A change of privileges asked for, and when it comes into force. */
  record PrivilegesAsked(List<String> from, List<String> to, Instant inForceFrom) {}

  /**
   * Records a change of privileges asked for in {@code cycle} (the rules have allowed it): it comes
   * into force when the next cycle starts, and counts as this cycle's change.
   */
  PrivilegesAsked askPrivileges(List<String> chosen, YearMonth cycle, Instant now) {
    pendingPrivileges = String.join(",", chosen);
    pendingFrom = ChargingProfiles.cycleStart(cycle.plusMonths(1));
    lastChangeCycle = cycle.toString();
    updatedAt = now;
    return new PrivilegesAsked(privilegeCodes(), List.copyOf(chosen), pendingFrom);
  }

  /** Whether a change of privileges asked for earlier is due at {@code now}. */
  boolean pendingPrivilegesDue(Instant now) {
    return pendingPrivileges != null && !pendingFrom.isAfter(now);
  }

  /** Privileges that came into force: those that went, those that came. */
  record PrivilegesChanged(List<String> before, List<String> after) {
    List<String> removed() {
      return before.stream().filter(code -> !after.contains(code)).toList();
    }

    List<String> added() {
      return after.stream().filter(code -> !before.contains(code)).toList();
    }
  }

  /** Puts the privileges asked for in force once their cycle has come; nothing before. */
  Optional<PrivilegesChanged> applyPendingPrivileges(Instant now) {
    if (!pendingPrivilegesDue(now)) {
      return Optional.empty();
    }
    List<String> before = privilegeCodes();
    privileges = pendingPrivileges;
    pendingPrivileges = null;
    pendingFrom = null;
    updatedAt = now;
    return Optional.of(new PrivilegesChanged(before, privilegeCodes()));
  }

  /** What charging must be told of this subscription now. */
  enum ChargingNeed {
    /** Install or renew its profile (first time, a new cycle, privileges due); traffic flows. */
    INSTALL,
    /** Like {@link #INSTALL}, and let traffic flow again after a suspension. */
    INSTALL_AND_UNBAR,
    /** Bar its traffic: suspended or terminated. */
    BAR
  }

  private static final String CHARGING_ACTIVE = "active";
  private static final String CHARGING_BARRED = "barred";

  /**
   * What charging must be told at {@code now}, in billing cycle {@code cycle}: nothing while it
   * already holds this cycle's profile (or the bar) and no privileges are due.
   */
  Optional<ChargingNeed> chargingNeed(Instant now, YearMonth cycle) {
    boolean barred = CHARGING_BARRED.equals(chargingState);
    return switch (status()) {
      case SUSPENDED, TERMINATED ->
          CHARGING_ACTIVE.equals(chargingState) ? Optional.of(ChargingNeed.BAR) : Optional.empty();
      case ACTIVE ->
          !barred && !pendingPrivilegesDue(now) && cycle.toString().equals(chargedCycle)
              ? Optional.empty()
              : Optional.of(barred ? ChargingNeed.INSTALL_AND_UNBAR : ChargingNeed.INSTALL);
      // The first installation is always due.
      case CREATED -> Optional.of(ChargingNeed.INSTALL);
    };
  }

  /** Charging took this cycle's profile: traffic flows. */
  void chargingInstalled(YearMonth cycle) {
    chargedCycle = cycle.toString();
    chargingState = CHARGING_ACTIVE;
  }

  /** Charging bars the subscriber's traffic. */
  void chargingBarred() {
    chargingState = CHARGING_BARRED;
  }

  /** What a move through the lifecycle did, for the audit trail. */
  record StatusChange(ProductStatus from, ProductStatus to, String reason, Instant at) {}

  /**
   * Moves the subscription through its lifecycle (TMF637): activated once — a resumed subscription
   * keeps the moment it was first activated — suspended and resumed, terminated for good.
   *
   * @throws io.simbundle.provisioning.ProvisioningException a conflict when the lifecycle does not
   *     allow the move
   */
  StatusChange moveTo(ProductStatus next, String reason, Instant at) {
    ProductStatus from = status();
    status = from.moveTo(next).tmfName();
    updatedAt = at;
    if (next == ProductStatus.ACTIVE && activatedAt == null) {
      activatedAt = at;
    }
    return new StatusChange(from, next, reason, at);
  }
}
