package io.simbundle.provisioning.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simbundle.provisioning.ProvisioningException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The TMF637 lifecycle allows exactly its moves. */
class ProductStatusTest {

  private static final Set<String> ALLOWED =
      Set.of(
          "CREATED>ACTIVE",
          "CREATED>TERMINATED",
          "ACTIVE>SUSPENDED",
          "ACTIVE>TERMINATED",
          "SUSPENDED>ACTIVE",
          "SUSPENDED>TERMINATED");

  @Test
  void everyPairOfStatusesIsEitherAllowedOrAConflict() {
    for (ProductStatus from : ProductStatus.values()) {
      for (ProductStatus to : ProductStatus.values()) {
        if (ALLOWED.contains(from + ">" + to)) {
          assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
          assertThatThrownBy(() -> from.moveTo(to))
              .isInstanceOf(ProvisioningException.class)
              .hasMessage("a product that is " + from.tmfName() + " cannot become " + to.tmfName());
        }
      }
    }
  }
}
