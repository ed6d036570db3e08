package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.CatalogService;
import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.sales.order.ProductOrders;
import io.simbundle.rules.RulesService;
import java.time.Clock;

/**
 * What every subscription use case works with: the unit whose transactions it runs, the stored
 * subscriptions and the orders they were bought with, the catalog and rules, what they grant, where
 * changes are recorded and partners told, and the clock.
 */
record SubscriptionRoom(
    PersistenceUnit unit,
    Subscriptions subscriptions,
    ProductOrders orders,
    CatalogService catalog,
    RulesService rules,
    Grants grants,
    SubscriptionChanges changes,
    PerkNotices perks,
    Clock clock) {}
