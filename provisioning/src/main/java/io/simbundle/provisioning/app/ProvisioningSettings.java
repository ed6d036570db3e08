package io.simbundle.provisioning.app;

import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import io.simbundle.provisioning.channels.sms.SmscSettings;
import io.simbundle.provisioning.channels.store.KafkaIntakeSettings;
import io.simbundle.provisioning.outbox.DeliveryPolicy;
import io.simbundle.provisioning.subscription.SubscriptionService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How orders and subscriptions are kept moving.
 *
 * @param paymentWindow how long an unpaid order holds its number and card
 * @param jobInterval how often unpaid orders are expired and charging is brought in step
 * @param outboxPoll how often the outbox is looked at for messages due
 * @param delivery how hard the outbox tries
 * @param orderFiles where stores drop order files, one directory per store
 * @param kafkaIntake the order topic the engine also takes store orders from, if any
 * @param smsc the SMSC subscribers' SMS go through, if any (without one they wait in the outbox)
 * @param numberQuarantine how long a terminated subscription's number rests before it is sold again
 * @param partnerCheckTimeout how long a partner's platform is waited for when asked whether a buyer
 *     is new to it
 * @param partnerAnswersKept how long such an answer is kept for the same buyer
 * @param creditGrace how long a credit payer may leave a monthly fee unpaid before the subscription
 *     is suspended
 * @param partnerCheckPause how long a partner's platform that could not be reached rests
 * @param retention how long data that has served its purpose is kept
 */
public record ProvisioningSettings(
    Duration paymentWindow,
    Duration jobInterval,
    Duration outboxPoll,
    DeliveryPolicy delivery,
    Path orderFiles,
    Optional<KafkaIntakeSettings> kafkaIntake,
    Optional<SmscSettings> smsc,
    Duration numberQuarantine,
    Duration partnerCheckTimeout,
    Duration partnerAnswersKept,
    Duration creditGrace,
    Duration partnerCheckPause,
    RetentionPolicy retention) {

  public static final String PARTNER_CHECK_PAUSE = "simbundle.partners.user-check-pause-seconds";

  /** A platform that could not be reached rests ten seconds before it is asked again. */
  public static final Duration DEFAULT_PARTNER_CHECK_PAUSE = Duration.ofSeconds(10);

  public static final String CREDIT_GRACE = "simbundle.credit.grace-days";

  /** A credit payer has three days to pay a monthly fee. */
  public static final Duration DEFAULT_CREDIT_GRACE = Duration.ofDays(3);

  public static final String PARTNER_CHECK_TIMEOUT = "simbundle.partners.user-check-timeout-millis";
  public static final String PARTNER_ANSWERS_KEPT = "simbundle.partners.user-check-kept-minutes";

  public static final String NUMBER_QUARANTINE = "simbundle.inventory.number-quarantine-days";
  public static final String PAYMENT_WINDOW = "simbundle.orders.payment-window-minutes";
  public static final String JOB_INTERVAL = "simbundle.provisioning.job-interval-seconds";
  public static final String OUTBOX_POLL = "simbundle.outbox.poll-millis";
  public static final String OUTBOX_ATTEMPTS = "simbundle.outbox.max-attempts";
  public static final String ORDER_FILES = "simbundle.orders.files-dir";

  public ProvisioningSettings {
    Objects.requireNonNull(paymentWindow);
    Objects.requireNonNull(jobInterval);
    Objects.requireNonNull(outboxPoll);
    Objects.requireNonNull(delivery);
    Objects.requireNonNull(orderFiles);
    Objects.requireNonNull(kafkaIntake);
    Objects.requireNonNull(smsc);
    Objects.requireNonNull(numberQuarantine);
    Objects.requireNonNull(partnerCheckTimeout);
    Objects.requireNonNull(partnerAnswersKept);
    Objects.requireNonNull(creditGrace);
    Objects.requireNonNull(partnerCheckPause);
    Objects.requireNonNull(retention);
    if (partnerCheckTimeout.toMillis() < 1) {
      throw new InvalidSettingException(
          PARTNER_CHECK_TIMEOUT, String.valueOf(partnerCheckTimeout.toMillis()), "at least 1 ms");
    }
    if (numberQuarantine.isNegative()) {
      throw new InvalidSettingException(
          NUMBER_QUARANTINE, String.valueOf(numberQuarantine.toDays()), "must not be negative");
    }
    if (paymentWindow.isNegative() || paymentWindow.isZero()) {
      throw new InvalidSettingException(
          PAYMENT_WINDOW, String.valueOf(paymentWindow.toMinutes()), "must be positive");
    }
    if (jobInterval.toSeconds() < 1) {
      throw new InvalidSettingException(
          JOB_INTERVAL, String.valueOf(jobInterval.toSeconds()), "at least 1 second");
    }
  }

  /** The defaults, with order files taken from {@code orderFiles}. */
  public static ProvisioningSettings defaults(Path orderFiles) {
    return new ProvisioningSettings(
        Duration.ofMinutes(30),
        Duration.ofSeconds(30),
        Duration.ofSeconds(1),
        DeliveryPolicy.defaults(),
        orderFiles,
        Optional.empty(),
        Optional.empty(),
        SubscriptionService.defaultNumberQuarantine(),
        DEFAULT_PARTNER_CHECK_TIMEOUT,
        DEFAULT_PARTNER_ANSWERS_KEPT,
        DEFAULT_CREDIT_GRACE,
        DEFAULT_PARTNER_CHECK_PAUSE,
        RetentionPolicy.defaults());
  }

  /** A partner's platform is waited for 800 ms: a store's order waits on it. */
  public static final Duration DEFAULT_PARTNER_CHECK_TIMEOUT = Duration.ofMillis(800);

  /** A partner's answer about a buyer is kept ten minutes. */
  public static final Duration DEFAULT_PARTNER_ANSWERS_KEPT = Duration.ofMinutes(10);

  /** These settings, with orders also taken from a Kafka topic. */
  public ProvisioningSettings withKafkaIntake(KafkaIntakeSettings kafka) {
    return new ProvisioningSettings(
        paymentWindow,
        jobInterval,
        outboxPoll,
        delivery,
        orderFiles,
        Optional.of(kafka),
        smsc,
        numberQuarantine,
        partnerCheckTimeout,
        partnerAnswersKept,
        creditGrace,
        partnerCheckPause,
        retention);
  }

  /** These settings, with subscribers' SMS sent through an SMSC. */
  public ProvisioningSettings withSmsc(SmscSettings smsc) {
    return new ProvisioningSettings(
        paymentWindow,
        jobInterval,
        outboxPoll,
        delivery,
        orderFiles,
        kafkaIntake,
        Optional.of(smsc),
        numberQuarantine,
        partnerCheckTimeout,
        partnerAnswersKept,
        creditGrace,
        partnerCheckPause,
        retention);
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
            Duration.ofSeconds(5)),
        settings
            .path(ORDER_FILES)
            .orElse(
                settings
                    .path(DatabaseSettings.DATA_DIR)
                    .orElse(Path.of("data"))
                    .resolve("order-files")),
        KafkaIntakeSettings.from(settings),
        SmscSettings.from(settings),
        Duration.ofDays(
            settings.integer(
                NUMBER_QUARANTINE, (int) SubscriptionService.defaultNumberQuarantine().toDays())),
        Duration.ofMillis(
            settings.integer(
                PARTNER_CHECK_TIMEOUT, (int) DEFAULT_PARTNER_CHECK_TIMEOUT.toMillis())),
        Duration.ofMinutes(
            settings.integer(PARTNER_ANSWERS_KEPT, (int) DEFAULT_PARTNER_ANSWERS_KEPT.toMinutes())),
        Duration.ofDays(settings.integer(CREDIT_GRACE, (int) DEFAULT_CREDIT_GRACE.toDays())),
        Duration.ofSeconds(
            settings.integer(PARTNER_CHECK_PAUSE, (int) DEFAULT_PARTNER_CHECK_PAUSE.toSeconds())),
        RetentionPolicy.from(settings));
  }
}
