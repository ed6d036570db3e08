package io.simbundle.provisioning.engine;

import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * How orders and subscriptions are kept moving.
 *
 * @param paymentWindow how long an unpaid order holds its number and card
 * @param jobInterval how often unpaid orders are expired and charging is brought in step
 */
public record ProvisioningSettings(Duration paymentWindow, Duration jobInterval) {

  public static final String PAYMENT_WINDOW = "simbundle.orders.payment-window-minutes";
  public static final String JOB_INTERVAL = "simbundle.provisioning.job-interval-seconds";

  public ProvisioningSettings {
    Objects.requireNonNull(paymentWindow);
    Objects.requireNonNull(jobInterval);
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
    return new ProvisioningSettings(Duration.ofMinutes(30), Duration.ofSeconds(30));
  }

  public static ProvisioningSettings from(Settings settings) {
    return new ProvisioningSettings(
        Duration.ofMinutes(settings.integer(PAYMENT_WINDOW, 30)),
        Duration.ofSeconds(settings.integer(JOB_INTERVAL, 30)));
  }
}
