package io.simbundle.provisioning.engine;

import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import io.simbundle.provisioning.outbox.DeliveryPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * How orders and subscriptions are kept moving.
 *
 * @param paymentWindow how long an unpaid order holds its number and card
 * @param jobInterval how often unpaid orders are expired and charging is brought in step
 * @param outboxPoll how often the outbox is looked at for messages due
 * @param delivery how hard the outbox tries
 */
public record ProvisioningSettings(
    Duration paymentWindow, Duration jobInterval, Duration outboxPoll, DeliveryPolicy delivery) {

  public static final String PAYMENT_WINDOW = "simbundle.orders.payment-window-minutes";
  public static final String JOB_INTERVAL = "simbundle.provisioning.job-interval-seconds";
  public static final String OUTBOX_POLL = "simbundle.outbox.poll-millis";
  public static final String OUTBOX_ATTEMPTS = "simbundle.outbox.max-attempts";

  public ProvisioningSettings {
    Objects.requireNonNull(paymentWindow);
    Objects.requireNonNull(jobInterval);
    Objects.requireNonNull(outboxPoll);
    Objects.requireNonNull(delivery);
    if (paymentWindow.isNegative() || paymentWindow.isZero()) {
      throw new InvalidSettingException(
          PAYMENT_WINDOW, String.valueOf(paymentWindow.toMinutes()), "must be positive");
    }
    if (jobInterval.toSeconds() < 1) {
      throw new InvalidSettingException(
          JOB_INTERVAL, String.valueOf(jobInterval.toSeconds()), "at least 1 second");
    }
  }

  public static ProvisioningSettings defaults() {
    return new ProvisioningSettings(
        Duration.ofMinutes(30),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        DeliveryPolicy.defaults());
  }

  public static ProvisioningSettings from(Settings settings) {
    return new ProvisioningSettings(
        Duration.ofMinutes(settings.integer(PAYMENT_WINDOW, 30)),
        Duration.ofSeconds(settings.integer(JOB_INTERVAL, 30)),
        Duration.ofMillis(settings.integer(OUTBOX_POLL, 1000)),
        new DeliveryPolicy(
            settings.integer(OUTBOX_ATTEMPTS, 8),
            Duration.ofSeconds(1),
            Duration.ofMinutes(10),
            Duration.ofSeconds(5)));
  }
}
