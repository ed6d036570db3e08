package io.simbundle.provisioning.sales.inventory;

/** How many numbers or cards of a province are available, reserved by orders, and assigned. */
public record StockLevel(
    InventoryKind kind, String province, long available, long reserved, long assigned) {}
