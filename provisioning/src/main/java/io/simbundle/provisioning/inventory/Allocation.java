package io.simbundle.provisioning.inventory;

/** The number and the card an order holds. */
public record Allocation(String msisdn, String iccid, String imsi) {}
