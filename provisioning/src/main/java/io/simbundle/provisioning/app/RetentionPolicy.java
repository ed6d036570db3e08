package io.simbundle.provisioning.app;

import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import java.time.Duration;
import java.util.Objects;

/**
 * How long data that has served its purpose is kept before the retention job forgets it. One-time
 * codes (a day) and self-care sessions (until they expire) are not configurable: nothing needs them
 * longer. Orders, subscriptions, payments, refunds, monthly fees and the audit trail are records of
 * the business and are kept.
 *
 * @param deliveredMessages how long an outbox message is kept once delivered (callbacks, partner
 *     notices, texts)
 * @param smsReceipts how long the SMSC's record of a text part and its delivery receipt is kept
 * @param chargingHistory how long charging's usage per day and decisions per hour are kept (what
 *     settlement, partner statements and "why was this charged?" read)
 */
public record RetentionPolicy(
    Duration deliveredMessages, Duration smsReceipts, Duration chargingHistory) {

  public static final String DELIVERED_MESSAGES = "simbundle.retention.delivered-messages-days";
  public static final String SMS_RECEIPTS = "simbundle.retention.sms-receipts-days";
  public static final String CHARGING_HISTORY = "simbundle.retention.charging-history-days";

  public RetentionPolicy {
    Objects.requireNonNull(deliveredMessages);
    Objects.requireNonNull(smsReceipts);
    Objects.requireNonNull(chargingHistory);
    atLeastADay(DELIVERED_MESSAGES, deliveredMessages);
    atLeastADay(SMS_RECEIPTS, smsReceipts);
    if (chargingHistory.toDays() < 62) {
      // Two months: the month being charged and the last one, which is still being settled.
      throw new InvalidSettingException(
          CHARGING_HISTORY, String.valueOf(chargingHistory.toDays()), "at least 62 days");
    }
  }

  /**
   * A month of delivered messages (a store asking what it was told), a quarter of receipts, and 400
   * days of charging history: last year's statements can be worked out again and a complaint about
   * a bill of a year ago answered.
   */
  public static RetentionPolicy defaults() {
    return new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(400));
  }

  static RetentionPolicy from(Settings settings) {
    RetentionPolicy defaults = defaults();
    return new RetentionPolicy(
        Duration.ofDays(
            settings.integer(DELIVERED_MESSAGES, (int) defaults.deliveredMessages().toDays())),
        Duration.ofDays(settings.integer(SMS_RECEIPTS, (int) defaults.smsReceipts().toDays())),
        Duration.ofDays(
            settings.integer(CHARGING_HISTORY, (int) defaults.chargingHistory().toDays())));
  }

  private static void atLeastADay(String key, Duration kept) {
    if (kept.toDays() < 1) {
      throw new InvalidSettingException(key, String.valueOf(kept.toDays()), "at least 1 day");
    }
  }
}
