package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.product.ProductOffering;

/**
 * A paid card waiting for activation: its product (with the privilege menu) and the buyer type the
 * privilege rules take into account.
 */
public record CardToActivate(
    ProductOffering product, boolean newToOperator, boolean newToPartner) {}
