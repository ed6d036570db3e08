package io.simbundle.provisioning;

import io.simbundle.platform.database.ModuleSchema;

/** The provisioning module's tables: orders, products (subscriptions) and its own secrets. */
public final class ProvisioningSchema {

  public static final ModuleSchema SCHEMA = new ModuleSchema("provisioning");

  private ProvisioningSchema() {}
}
