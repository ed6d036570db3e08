package io.simbundle.provisioning.channels.store;

import io.simbundle.provisioning.channels.http.HttpResponses;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A store pushes an order: {@code POST /api/v1/stores/{storeId}/productOrder}, signed with the
 * store's secret (headers {@code X-Simbundle-Timestamp}, epoch seconds, and {@code
 * X-Simbundle-Signature}, base64 HMAC-SHA256 of {@code timestamp + "." + raw body}). The signature
 * is verified on the raw body before anything is parsed. The body is a TMF622 order as on the
 * back-office API; its channel is the store. Answers: 202 with the order (also for a repeated
 * external id, which creates nothing), 401 for a missing, wrong or stale signature, 403 for a
 * campaign the store may not sell, 422 with the rules' reasons (unknown campaign, sale closed, sold
 * out …), 409 when no number or card is left.
 */
public final class StoreOrderRoutes extends RouteBuilder {

  public static final String TIMESTAMP = "X-Simbundle-Timestamp";
  public static final String SIGNATURE = "X-Simbundle-Signature";

  private final StoreOrderIntake intake;
  private final Clock clock;

  public StoreOrderRoutes(StoreOrderIntake intake, Clock clock) {
    this.intake = intake;
    this.clock = clock;
  }

  @Override
  public void configure() {
    rest("/api/v1/stores")
        .post("/{storeId}/productOrder")
        .id("store-order-push")
        .to("direct:store-order-push");
    from("direct:store-order-push").process(this::push);
  }

  private void push(Exchange exchange) {
    StoreOrderIntake.Accepted accepted =
        intake.take(
            exchange.getIn().getHeader("storeId", String.class),
            exchange.getIn().getHeader(TIMESTAMP, String.class),
            exchange.getIn().getHeader(SIGNATURE, String.class),
            exchange.getIn().getBody(String.class),
            clock.instant());
    HttpResponses.json(exchange, 202, accepted.order(), Map.of("Location", accepted.href()));
  }
}
