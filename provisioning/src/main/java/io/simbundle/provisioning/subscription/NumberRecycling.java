package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.sales.inventory.Inventory;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a subscription gives back when it ends: its number rests in quarantine (so calls and texts
 * meant for the old holder do not reach a new one), then goes back on sale; its card is retired.
 */
final class NumberRecycling {

  /** The usual rest of a mainland number before it is sold again. */
  static final Duration DEFAULT_QUARANTINE = Duration.ofDays(90);

  private final Inventory inventory;
  private final Duration quarantine;

  NumberRecycling(Inventory inventory, Duration quarantine) {
    this.inventory = Objects.requireNonNull(inventory);
    this.quarantine = Objects.requireNonNull(quarantine);
  }

  void takeBack(ProductEntity product, String reason, Actor actor, Instant at) {
    inventory.retire(product.orderId, at.plus(quarantine), reason, actor, at);
  }
}
