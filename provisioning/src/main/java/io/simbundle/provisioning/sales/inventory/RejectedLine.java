package io.simbundle.provisioning.sales.inventory;

/** A line of an inventory file that was not imported, and why. */
public record RejectedLine(long line, String reason) {}
