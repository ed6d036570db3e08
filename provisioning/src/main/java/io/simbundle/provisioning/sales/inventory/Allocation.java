package io.simbundle.provisioning.sales.inventory;

/** The number and the card an order holds. */
public record Allocation(String msisdn, String iccid, String imsi) {}
