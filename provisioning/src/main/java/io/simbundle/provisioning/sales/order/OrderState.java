package io.simbundle.provisioning.sales.order;

import io.simbundle.provisioning.ProvisioningException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The TMF622 lifecycle of an order: accepted orders are {@code acknowledged} while they wait for
 * payment, {@code pending} once a presale deposit is paid and the final payment is awaited, {@code
 * inProgress} once paid (or paid on credit) until the card is activated, then {@code completed}. An
 * order the rules refuse is stored {@code rejected}, one no number or card is left for {@code
 * failed}; those two, {@code cancelled} and {@code completed} are final.
 */
public enum OrderState {
  ACKNOWLEDGED("acknowledged"),
  PENDING("pending"),
  IN_PROGRESS("inProgress"),
  COMPLETED("completed"),
  REJECTED("rejected"),
  CANCELLED("cancelled"),
  FAILED("failed");

  private final String tmfName;

  OrderState(String tmfName) {
    this.tmfName = tmfName;
  }

  public String tmfName() {
    return tmfName;
  }

  public static Optional<OrderState> fromTmfName(String name) {
    return Arrays.stream(values()).filter(s -> s.tmfName.equals(name)).findFirst();
  }

  public boolean isFinal() {
    return next().isEmpty();
  }

  /** The states this one may move to. */
  public Set<OrderState> next() {
    return switch (this) {
      case ACKNOWLEDGED -> Set.of(PENDING, IN_PROGRESS, CANCELLED);
      case PENDING -> Set.of(IN_PROGRESS, CANCELLED);
      case IN_PROGRESS -> Set.of(COMPLETED, CANCELLED);
      case COMPLETED, REJECTED, CANCELLED, FAILED -> Set.of();
    };
  }

  /**
   * @throws ProvisioningException a conflict when the lifecycle does not allow the move
   */
  public OrderState moveTo(OrderState target) {
    if (!next().contains(target)) {
      throw ProvisioningException.conflict(
          "order-state", "an order that is " + tmfName + " cannot become " + target.tmfName);
    }
    return target;
  }
}
