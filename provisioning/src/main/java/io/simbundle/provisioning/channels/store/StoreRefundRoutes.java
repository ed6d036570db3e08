package io.simbundle.provisioning.channels.store;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.rest.order.RefundRoutes;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.sales.order.RefundRequest;
import io.simbundle.provisioning.store.Store;
import java.time.Clock;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A store refunds one of its orders: {@code POST /api/v1/stores/{storeId}/refund}, signed like an
 * order push, with the TMF676 body of the back office ({@code correlatorId} is the store's refund
 * id). Answers as the back office's refund, and 404 for another store's order: a store never learns
 * of orders not its own.
 */
public final class StoreRefundRoutes extends RouteBuilder {

  private final StoreSignatures signatures;
  private final OrderService orders;
  private final Clock clock;

  public StoreRefundRoutes(StoreSignatures signatures, OrderService orders, Clock clock) {
    this.signatures = signatures;
    this.orders = orders;
    this.clock = clock;
  }

  @Override
  public void configure() {
    rest("/api/v1/stores").post("/{storeId}/refund").id("store-refund").to("direct:store-refund");
    from("direct:store-refund").process(this::refund);
  }

  private void refund(Exchange exchange) {
    String body = Optional.ofNullable(exchange.getIn().getBody(String.class)).orElse("");
    Store store =
        signatures.verify(
            exchange.getIn().getHeader("storeId", String.class),
            exchange.getIn().getHeader(StoreOrderRoutes.TIMESTAMP, String.class),
            exchange.getIn().getHeader(StoreOrderRoutes.SIGNATURE, String.class),
            body,
            clock.instant());
    RefundRequest request =
        RefundRoutes.refundRequest(RequestBodies.parse(body), Optional.of(store.id()));
    RefundRoutes.answer(exchange, orders.refund(request, Actor.channel(store.id())));
  }
}
