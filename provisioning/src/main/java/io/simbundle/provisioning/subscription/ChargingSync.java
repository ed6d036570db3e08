package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.product.ProductOffering;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.ProfileOrigin;
import io.simbundle.provisioning.audit.Actor;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps charging in step with the subscriptions: installs the profile of a new subscription (and
 * makes it active), at each new billing cycle puts pending privilege changes in force and installs
 * the cycle's profile — the charging function then re-authorizes open sessions (RAR) — and bars the
 * traffic of suspended and terminated subscriptions (and lets it again on resumption).
 *
 * <p>A subscription's {@code charged_cycle} is set only after charging took the profile, so a
 * charging outage delays the change and the next run retries it; nothing is lost.
 */
public final class ChargingSync {

  private static final Logger log = LoggerFactory.getLogger(ChargingSync.class);

  /** Subscriptions brought up per run; the next run takes the rest. */
  private static final int BATCH = 1000;

  private final SubscriptionRoom room;
  private final ChangingPrivileges privileges;
  private final ChargingFunction charging;

  ChargingSync(SubscriptionRoom room, ChangingPrivileges privileges, ChargingFunction charging) {
    this.room = room;
    this.privileges = privileges;
    this.charging = charging;
  }

  /**
   * Brings every subscription that is behind up to date.
   *
   * @return how many were brought up to date
   */
  public int syncAll() {
    Instant now = room.clock().instant();
    List<Long> behind =
        room.unit()
            .call(
                em ->
                    room.subscriptions().behindCharging(ChargingProfiles.cycleOf(now), now, BATCH));
    int done = 0;
    for (long id : behind) {
      try {
        done += bringUp(id) ? 1 : 0;
      } catch (RuntimeException e) {
        // One subscription that cannot be brought up must not hold back those after it.
        log.warn("charging of product {} not brought up to date: {}", id, e.getMessage());
      }
    }
    return done;
  }

  /** What charging must be told about a subscription. */
  private sealed interface Change {
    /** Install this profile (and let traffic through again if it was barred). */
    record Install(ChargingProfile profile, boolean wasBarred) implements Change {}

    /** Bar the subscriber's traffic. */
    record Bar(String msisdn) implements Change {}
  }

  /**
   * Brings one subscription's charging up to date.
   *
   * @return true when charging took a change; false when none was due or charging could not take it
   *     (the next run retries)
   */
  public boolean bringUp(long productId) {
    Instant now = room.clock().instant();
    YearMonth cycle = ChargingProfiles.cycleOf(now);
    Optional<Change> change =
        room.unit().call(em -> due(room.subscriptions().lock(productId), now, cycle));
    if (change.isEmpty()) {
      return false;
    }
    try {
      if (change.get() instanceof Change.Install install) {
        charging.install(install.profile());
        if (install.wasBarred()) {
          charging.bar(install.profile().msisdn(), false);
        }
      } else if (change.get() instanceof Change.Bar bar) {
        charging.bar(bar.msisdn(), true);
      }
    } catch (RuntimeException e) {
      log.warn(
          "charging of product {} not brought up to date, will retry: {}",
          productId,
          e.getMessage());
      return false;
    }
    room.unit()
        .run(
            em -> {
              ProductEntity product = room.subscriptions().lock(productId);
              if (change.get() instanceof Change.Bar) {
                product.chargingBarred();
                return;
              }
              product.chargingInstalled(cycle);
              if (product.status() == ProductStatus.CREATED) {
                room.changes()
                    .move(
                        product,
                        ProductStatus.ACTIVE,
                        "charging profile installed for " + cycle,
                        Actor.SYSTEM,
                        room.clock().instant());
              }
            });
    return true;
  }

  private Optional<Change> due(ProductEntity product, Instant now, YearMonth cycle) {
    Optional<ProductEntity.ChargingNeed> need = product.chargingNeed(now, cycle);
    if (need.isEmpty()) {
      return Optional.empty();
    }
    if (need.get() == ProductEntity.ChargingNeed.BAR) {
      return Optional.of(new Change.Bar(product.msisdn));
    }
    privileges.putInForce(product, now);
    return Optional.of(
        new Change.Install(
            profileOf(product, now, cycle),
            need.get() == ProductEntity.ChargingNeed.INSTALL_AND_UNBAR));
  }

  private ChargingProfile profileOf(ProductEntity product, Instant now, YearMonth cycle) {
    CatalogVersion governing = room.grants().governing(product, now);
    ProductOffering offering = room.grants().offering(product, governing);
    return ChargingProfiles.of(
            product.msisdn,
            Optional.of(product.imsi),
            offering,
            product.partnerCode,
            offering.heldWith(product.privilegeCodes()).toList(),
            GiftSchedule.inCycle(product.heldGifts(), cycle),
            now)
        .withOrigin(new ProfileOrigin(governing.version(), product.giftsRuleSet()));
  }
}
