package io.simbundle.provisioning.store;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.Message;
import io.simbundle.provisioning.outbox.Outbox;
import io.simbundle.provisioning.sales.order.OrderAnnouncement;
import io.simbundle.provisioning.sales.order.OrderAnnouncements;

/**
 * Order changes as callbacks to the store an order came from: queued in the outbox, in the
 * transaction of the change, when the order's channel is an onboarded store (orders from the web
 * shop or the back office have no one to call back).
 */
public final class StoreCallbacks implements OrderAnnouncements {

  private final PersistenceUnit unit;
  private final Outbox outbox;

  public StoreCallbacks(PersistenceUnit unit, Outbox outbox) {
    this.unit = unit;
    this.outbox = outbox;
  }

  @Override
  public void announce(OrderAnnouncement announcement) {
    if (unit.transaction().find(StoreEntity.class, announcement.channel()) != null) {
      outbox.write(
          new Message(
              Destination.store(announcement.channel()),
              announcement.kind(),
              announcement.payload(),
              announcement.at()));
    }
  }
}
