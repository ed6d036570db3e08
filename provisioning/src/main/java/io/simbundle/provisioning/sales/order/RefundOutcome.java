package io.simbundle.provisioning.sales.order;

/** A refund and whether this request made it (false: the same refund id was seen before). */
public record RefundOutcome(RefundView refund, boolean created) {}
