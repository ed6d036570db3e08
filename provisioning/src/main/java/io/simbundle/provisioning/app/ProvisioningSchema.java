package io.simbundle.provisioning.app;

import io.simbundle.platform.database.ModuleSchema;
import io.simbundle.provisioning.audit.AuditTrail;
import io.simbundle.provisioning.outbox.Outbox;
import io.simbundle.provisioning.outbox.OutboxDelivery;
import io.simbundle.provisioning.partner.PartnerEndpoints;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.store.StoreService;
import io.simbundle.provisioning.subscription.SubscriptionService;
import java.util.ArrayList;
import java.util.List;

/**
 * The provisioning module's tables: inventory, orders, products (subscriptions), their audit trail,
 * the outbox and the module's own secrets.
 */
public final class ProvisioningSchema {

  public static final ModuleSchema SCHEMA = new ModuleSchema("provisioning");

  private ProvisioningSchema() {}

  /** The entities mapped onto the module's tables. */
  public static List<Class<?>> entities() {
    List<Class<?>> entities = new ArrayList<>();
    entities.addAll(AuditTrail.entities());
    entities.addAll(OrderService.entities());
    entities.addAll(SubscriptionService.entities());
    entities.addAll(Outbox.entities());
    entities.addAll(OutboxDelivery.entities());
    entities.addAll(StoreService.entities());
    entities.addAll(PartnerEndpoints.entities());
    return entities;
  }
}
