package io.simbundle.provisioning.sales.order;

import java.util.Objects;
import java.util.Optional;

/**
 * A refund asked for by a store or the back office.
 *
 * @param store the store asking, which may only refund its own orders; empty for the back office
 * @param correlatorId the asker's own refund id: asking again with it returns the first refund
 * @param orderCode the order
 * @param amountFen what goes back, in fen: all that was paid or part of it
 * @param reason why, for the audit trail and the store
 */
public record RefundRequest(
    Optional<String> store, String correlatorId, String orderCode, long amountFen, String reason) {

  public RefundRequest {
    Objects.requireNonNull(store);
    Objects.requireNonNull(correlatorId);
    Objects.requireNonNull(orderCode);
    Objects.requireNonNull(reason);
  }
}
