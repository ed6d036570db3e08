package io.simbundle.provisioning.engine;

import io.simbundle.provisioning.order.OrderService;
import io.simbundle.provisioning.outbox.OutboxDelivery;
import io.simbundle.provisioning.subscription.ChargingSync;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * The background work of provisioning, on Camel timers: unpaid orders release their number and card
 * when their payment window has passed; subscriptions behind on charging (new ones, a new billing
 * cycle, a privilege change coming due) are brought in step.
 */
final class ProvisioningJobs extends RouteBuilder {

  private final OrderService orders;
  private final ChargingSync charging;
  private final OutboxDelivery outbox;
  private final ProvisioningSettings settings;

  ProvisioningJobs(
      OrderService orders,
      ChargingSync charging,
      OutboxDelivery outbox,
      ProvisioningSettings settings) {
    this.orders = orders;
    this.charging = charging;
    this.outbox = outbox;
    this.settings = settings;
  }

  @Override
  public void configure() {
    Duration interval = settings.jobInterval();
    String timer = "?period=" + interval.toMillis() + "&delay=" + interval.toMillis();
    from("timer:expire-unpaid-orders" + timer)
        .routeId("expire-unpaid-orders")
        .process(e -> orders.expireUnpaid());
    from("timer:charging-sync" + timer).routeId("charging-sync").process(e -> charging.syncAll());
  }
}
