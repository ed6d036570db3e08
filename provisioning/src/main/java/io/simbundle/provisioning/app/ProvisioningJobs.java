package io.simbundle.provisioning.app;

import io.simbundle.provisioning.outbox.OutboxDelivery;
import io.simbundle.provisioning.sales.inventory.Inventory;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.subscription.ChargingSync;
import io.simbundle.provisioning.subscription.GiftExpiryNotices;
import io.simbundle.provisioning.subscription.SubscriptionService;
import java.time.Clock;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of provisioning, on Camel timers: unpaid orders release their number and card
 * when their payment window has passed; subscriptions behind on charging (new ones, a new billing
 * cycle, a privilege change coming due) are brought in step; subscribers are told of gifts about to
 * expire; active subscriptions are charged their monthly fee once per cycle, and suspended when a
 * credit payer leaves one unpaid past the grace; numbers whose quarantine is over go back on sale;
 * due outbox messages are delivered; data that has served its purpose is forgotten, hourly.
 */
final class ProvisioningJobs extends RouteBuilder {

  private static final Logger log = LoggerFactory.getLogger(ProvisioningJobs.class);

  /** Batches per poll at most, so that one poll does not hold the timer thread for long. */
  private static final int MAX_ROUNDS = 50;

  /** Subscriptions looked at per run for gifts about to expire. */
  private static final int GIFT_PAGE = 500;

  /** Subscriptions charged their monthly fee per run at most. */
  private static final int FEE_PAGE = 500;

  /** Numbers put back on sale per run at most. */
  private static final int NUMBER_PAGE = 1000;

  private final OrderService orders;
  private final ChargingSync charging;
  private final OutboxDelivery outbox;
  private final GiftExpiryNotices giftExpiry;
  private final Inventory inventory;
  private final SubscriptionService subscriptions;
  private final DataRetention retention;
  private final ProvisioningSettings settings;
  private final Clock clock;

  ProvisioningJobs(
      OrderService orders,
      ChargingSync charging,
      OutboxDelivery outbox,
      GiftExpiryNotices giftExpiry,
      Inventory inventory,
      SubscriptionService subscriptions,
      DataRetention retention,
      ProvisioningSettings settings,
      Clock clock) {
    this.retention = retention;
    this.inventory = inventory;
    this.subscriptions = subscriptions;
    this.clock = clock;
    this.orders = orders;
    this.charging = charging;
    this.outbox = outbox;
    this.giftExpiry = giftExpiry;
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
    from("timer:gift-expiry-notices" + timer)
        .routeId("gift-expiry-notices")
        .process(e -> giftExpiry.tellDue(GIFT_PAGE));
    from("timer:monthly-fees" + timer)
        .routeId("monthly-fees")
        .process(e -> subscriptions.chargeMonthlyFees(FEE_PAGE));
    from("timer:unpaid-credit-fees" + timer)
        .routeId("unpaid-credit-fees")
        .process(e -> subscriptions.suspendForUnpaidCredit(settings.creditGrace(), FEE_PAGE));
    from("timer:end-number-quarantines" + timer)
        .routeId("end-number-quarantines")
        .process(e -> inventory.endQuarantines(clock.instant(), NUMBER_PAGE));
    long hour = Math.max(Duration.ofHours(1).toMillis(), interval.toMillis());
    from("timer:data-retention?period=" + hour + "&delay=" + interval.toMillis())
        .routeId("data-retention")
        .process(e -> retention.run());
    long poll = settings.outboxPoll().toMillis();
    from("timer:outbox-delivery?period=" + poll + "&delay=" + poll)
        .routeId("outbox-delivery")
        .process(e -> deliverOutbox());
  }

  /** Delivers what is due, batch after batch while whole batches go out. */
  private void deliverOutbox() {
    try {
      int delivered;
      int rounds = 0;
      do {
        delivered = outbox.deliverDue();
      } while (delivered == OutboxDelivery.BATCH && ++rounds < MAX_ROUNDS);
    } catch (RuntimeException e) {
      log.warn("outbox delivery failed, will retry: {}", e.getMessage());
    }
  }
}
