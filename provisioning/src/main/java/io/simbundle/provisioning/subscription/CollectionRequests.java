package io.simbundle.provisioning.subscription;

import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.Message;
import io.simbundle.provisioning.outbox.Outbox;
import io.simbundle.provisioning.sales.order.ProductOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Asks a credit payer (Alipay for a "0-yuan phone") to collect a monthly fee: a signed {@code
 * fee.collect} message through the outbox, written with the fee. It names the fee, the payer's own
 * authorization and the instalment, never the holder.
 */
final class CollectionRequests {

  static final String COLLECT = "fee.collect";

  private final Outbox outbox;

  CollectionRequests(Outbox outbox) {
    this.outbox = outbox;
  }

  void ask(MonthlyFee fee, ProductOrder order, Instant at) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("fee", fee.id);
    payload.put("productOrder", order.orderCode());
    payload.put("authorizationId", order.creditAuthorization());
    payload.put("cycle", fee.cycle);
    payload.put("amountFen", fee.amountFen);
    payload.put("instalment", fee.instalment);
    payload.put("instalments", order.instalmentMonths());
    outbox.write(new Message(Destination.partner(fee.payer), COLLECT, payload, at));
  }
}
