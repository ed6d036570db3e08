package io.simbundle.provisioning.sales.order;

/**
 * What placing an order did.
 *
 * @param created false when the store's external id named an order placed before, which is returned
 *     unchanged
 */
public record OrderOutcome(ProductOrderView order, boolean created) {}
