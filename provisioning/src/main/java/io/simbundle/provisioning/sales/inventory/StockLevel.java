package io.simbundle.provisioning.sales.inventory;

/**
 * How many numbers or cards of a province are available, reserved by orders, assigned to
 * subscriptions, quarantined (numbers resting after a termination; cards a buyer returned), and
 * retired (cards whose subscription ended).
 */
public record StockLevel(
    InventoryKind kind,
    String province,
    long available,
    long reserved,
    long assigned,
    long quarantined,
    long retired) {}
