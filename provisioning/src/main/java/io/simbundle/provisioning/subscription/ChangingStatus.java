package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.audit.Actor;

/**
 * Suspending, resuming or terminating a subscription: load it locked, move it as its lifecycle
 * allows and record the move, then let {@link ChargingSync} bar or free its traffic.
 */
final class ChangingStatus {

  private final SubscriptionRoom room;
  private final ChargingSync charging;

  ChangingStatus(SubscriptionRoom room, ChargingSync charging) {
    this.room = room;
    this.charging = charging;
  }

  void change(long productId, ProductStatus target, String reason, Actor actor) {
    room.unit()
        .run(
            em ->
                room.changes()
                    .move(
                        room.subscriptions().lock(productId),
                        target,
                        reason,
                        actor,
                        room.clock().instant()));
    // After the commit: a charging outage must not undo the change; the next sync retries.
    charging.bringUp(productId);
  }
}
