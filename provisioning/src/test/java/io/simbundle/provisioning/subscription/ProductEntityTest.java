package io.simbundle.provisioning.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simbundle.provisioning.ProvisioningException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A subscription's moves through its lifecycle and its privileges' changes, without a database. */
class ProductEntityTest {

  private static final Instant CREATED = Instant.parse("2026-11-23T08:00:00Z");

  private static ProductEntity created() {
    ProductEntity product = new ProductEntity();
    product.status = ProductStatus.CREATED.tmfName();
    product.createdAt = CREATED;
    product.updatedAt = CREATED;
    return product;
  }

  @Test
  void aResumedSubscriptionKeepsTheMomentItWasFirstActivated() {
    ProductEntity product = created();
    Instant activated = CREATED.plusSeconds(60);

    ProductEntity.StatusChange first = product.moveTo(ProductStatus.ACTIVE, "activated", activated);
    product.moveTo(ProductStatus.SUSPENDED, "unpaid", activated.plusSeconds(3600));
    ProductEntity.StatusChange resumed =
        product.moveTo(ProductStatus.ACTIVE, "paid", activated.plusSeconds(7200));

    assertThat(first.from()).isEqualTo(ProductStatus.CREATED);
    assertThat(resumed.from()).isEqualTo(ProductStatus.SUSPENDED);
    assertThat(resumed.to()).isEqualTo(ProductStatus.ACTIVE);
    assertThat(product.activatedAt).isEqualTo(activated);
    assertThat(product.updatedAt).isEqualTo(activated.plusSeconds(7200));
  }

  @Test
  void aTerminatedSubscriptionMovesNoMoreAndIsLeftAsItWas() {
    ProductEntity product = created();
    product.moveTo(ProductStatus.ACTIVE, "activated", CREATED);
    product.moveTo(ProductStatus.TERMINATED, "number returned", CREATED.plusSeconds(60));

    ProvisioningException refused =
        catchThrowableOfType(
            ProvisioningException.class,
            () -> product.moveTo(ProductStatus.ACTIVE, "again", CREATED.plusSeconds(120)));

    assertThat(refused.kind()).isEqualTo(ProvisioningException.Kind.CONFLICT);
    assertThat(product.status()).isEqualTo(ProductStatus.TERMINATED);
    assertThat(product.updatedAt).isEqualTo(CREATED.plusSeconds(60));
  }

  @Test
  void aSubscriptionNeverActivatedCannotBeSuspended() {
    ProvisioningException refused =
        catchThrowableOfType(
            ProvisioningException.class,
            () -> created().moveTo(ProductStatus.SUSPENDED, "unpaid", CREATED));

    assertThat(refused.kind()).isEqualTo(ProvisioningException.Kind.CONFLICT);
  }

  @Test
  void aChangeOfPrivilegesCountsForThisCycleAndComesIntoForceOnlyWhenTheNextStarts() {
    ProductEntity product = created();
    product.privileges = "wechat-free-traffic,free-games";
    YearMonth november = YearMonth.of(2026, 11);
    Instant december = Instant.parse("2026-11-30T16:00:00Z"); // midnight in Beijing

    assertThat(product.privilegeChangesIn(november)).isZero();
    ProductEntity.PrivilegesAsked asked =
        product.askPrivileges(List.of("free-music", "free-emoticons"), november, CREATED);

    assertThat(asked.from()).containsExactly("wechat-free-traffic", "free-games");
    assertThat(asked.inForceFrom()).isEqualTo(december);
    assertThat(product.pendingPrivilegeCodes()).contains(List.of("free-music", "free-emoticons"));
    assertThat(product.privilegeChangesIn(november)).isEqualTo(1);
    assertThat(product.privilegeChangesIn(november.plusMonths(1))).isZero();
    assertThat(product.applyPendingPrivileges(december.minusSeconds(1))).isEmpty();
    assertThat(product.privilegeCodes()).containsExactly("wechat-free-traffic", "free-games");

    ProductEntity.PrivilegesChanged changed =
        product.applyPendingPrivileges(december).orElseThrow();

    assertThat(changed.removed()).containsExactly("wechat-free-traffic", "free-games");
    assertThat(changed.added()).containsExactly("free-music", "free-emoticons");
    assertThat(product.privilegeCodes()).containsExactly("free-music", "free-emoticons");
    assertThat(product.pendingPrivilegesDue(december)).isFalse();
    assertThat(product.pendingPrivilegeCodes()).isEmpty();
    assertThat(product.applyPendingPrivileges(december.plusSeconds(60))).isEmpty();
    assertThat(product.updatedAt).isEqualTo(december);
  }

  @Test
  void privilegesKeptAcrossAChangeAreNeitherRemovedNorAdded() {
    ProductEntity product = created();
    product.privileges = "wechat-free-traffic,free-games";
    YearMonth november = YearMonth.of(2026, 11);
    product.askPrivileges(List.of("wechat-free-traffic", "free-music"), november, CREATED);

    ProductEntity.PrivilegesChanged changed =
        product.applyPendingPrivileges(CREATED.plusSeconds(40L * 24 * 3600)).orElseThrow();

    assertThat(changed.removed()).containsExactly("free-games");
    assertThat(changed.added()).containsExactly("free-music");
  }

  @Test
  void chargingIsToldOfANewCycleOfDuePrivilegesOfASuspensionAndOfAResumptionOnce() {
    ProductEntity product = created();
    product.privileges = "free-games";
    YearMonth november = YearMonth.of(2026, 11);
    Instant now = CREATED;

    assertThat(product.chargingNeed(now, november)).hasValue(ProductEntity.ChargingNeed.INSTALL);
    product.moveTo(ProductStatus.ACTIVE, "activated", now);
    product.chargingInstalled(november);
    assertThat(product.chargingNeed(now, november)).isEmpty();
    assertThat(product.chargingNeed(now, november.plusMonths(1)))
        .hasValue(ProductEntity.ChargingNeed.INSTALL);

    product.askPrivileges(List.of("free-music"), november, now);
    Instant december = Instant.parse("2026-11-30T16:00:00Z");
    assertThat(product.chargingNeed(december.minusSeconds(1), november)).isEmpty();
    assertThat(product.chargingNeed(december, november))
        .as("privileges due before the cycle's profile was renewed")
        .hasValue(ProductEntity.ChargingNeed.INSTALL);

    product.moveTo(ProductStatus.SUSPENDED, "unpaid", now);
    assertThat(product.chargingNeed(now, november)).hasValue(ProductEntity.ChargingNeed.BAR);
    product.chargingBarred();
    assertThat(product.chargingNeed(now, november)).isEmpty();

    product.moveTo(ProductStatus.ACTIVE, "paid", now);
    assertThat(product.chargingNeed(now, november))
        .hasValue(ProductEntity.ChargingNeed.INSTALL_AND_UNBAR);
    product.chargingInstalled(november);
    assertThat(product.chargingNeed(now, november)).isEmpty();
  }
}
