package io.simbundle.provisioning.sales.order;

import java.time.Instant;

/**
 * A refund as the API shows it.
 *
 * @param id the engine's refund code
 * @param correlatorId the store's own refund id
 * @param productOrder the order code
 */
public record RefundView(
    String id,
    String correlatorId,
    String productOrder,
    RefundKind kind,
    long amountFen,
    String reason,
    Instant refundDate) {}
