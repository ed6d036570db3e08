package io.simbundle.provisioning.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.simbundle.provisioning.ProvisioningException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A subscription's moves through its lifecycle, without a database. */
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
}
