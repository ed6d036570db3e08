package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.ProvisioningException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The TMF637 lifecycle of a subscription: {@code created} when the card is activated, {@code
 * active} once its charging profile is in place, {@code suspended} and back, {@code terminated} for
 * good.
 */
public enum ProductStatus {
  CREATED("created"),
  ACTIVE("active"),
  SUSPENDED("suspended"),
  TERMINATED("terminated");

  private final String tmfName;

  ProductStatus(String tmfName) {
    this.tmfName = tmfName;
  }

  public String tmfName() {
    return tmfName;
  }

  public static Optional<ProductStatus> fromTmfName(String name) {
    return Arrays.stream(values()).filter(s -> s.tmfName.equals(name)).findFirst();
  }

  public Set<ProductStatus> next() {
    return switch (this) {
      case CREATED -> Set.of(ACTIVE, TERMINATED);
      case ACTIVE -> Set.of(SUSPENDED, TERMINATED);
      case SUSPENDED -> Set.of(ACTIVE, TERMINATED);
      case TERMINATED -> Set.of();
    };
  }

  /**
   * @throws ProvisioningException a conflict when the lifecycle does not allow the move
   */
  public ProductStatus moveTo(ProductStatus target) {
    if (!next().contains(target)) {
      throw ProvisioningException.conflict(
          "product-status", "a product that is " + tmfName + " cannot become " + target.tmfName);
    }
    return target;
  }
}
