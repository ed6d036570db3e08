package io.simbundle.provisioning.app;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.ForgottenHistory;
import io.simbundle.provisioning.channels.sms.SmsSubmissions;
import io.simbundle.provisioning.identity.OneTimeCodes;
import io.simbundle.provisioning.outbox.OutboxDelivery;
import io.simbundle.provisioning.selfcare.SelfCare;
import java.time.Clock;
import java.time.Instant;
import java.util.function.IntUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets what has served its purpose, as {@link RetentionPolicy} says: one-time codes, expired
 * self-care sessions, delivered outbox messages, old SMS receipts and charging history (through
 * charging's own port). Each table is cut in chunks of {@link #CHUNK} rows, a short transaction
 * each, so that the job never holds a large lock.
 */
final class DataRetention {

  private static final Logger log = LoggerFactory.getLogger(DataRetention.class);
  static final int CHUNK = 5000;
  // Enough for a day's backlog of a busy engine per run; the rest goes at the next run.
  private static final int MAX_CHUNKS = 200;

  /** What one run forgot, per kind. */
  record Forgotten(
      int codes,
      int sessions,
      int deliveredMessages,
      int smsReceipts,
      long chargingDecisions,
      long chargingUsage) {
    long total() {
      return codes + sessions + deliveredMessages + smsReceipts + chargingDecisions + chargingUsage;
    }
  }

  private final OneTimeCodes codes;
  private final SelfCare selfCare;
  private final OutboxDelivery outbox;
  private final SmsSubmissions sms;
  private final ChargingFunction charging;
  private final RetentionPolicy policy;
  private final Clock clock;

  DataRetention(
      OneTimeCodes codes,
      SelfCare selfCare,
      OutboxDelivery outbox,
      SmsSubmissions sms,
      ChargingFunction charging,
      RetentionPolicy policy,
      Clock clock) {
    this.codes = codes;
    this.selfCare = selfCare;
    this.outbox = outbox;
    this.sms = sms;
    this.charging = charging;
    this.policy = policy;
    this.clock = clock;
  }

  Forgotten run() {
    Instant now = clock.instant();
    ForgottenHistory history = charging.forgetHistoryBefore(now.minus(policy.chargingHistory()));
    Forgotten forgotten =
        new Forgotten(
            inChunks(limit -> codes.forgetBefore(now, limit)),
            inChunks(selfCare::forgetExpired),
            inChunks(limit -> outbox.forgetDelivered(now.minus(policy.deliveredMessages()), limit)),
            inChunks(limit -> sms.forgetBefore(now.minus(policy.smsReceipts()), limit)),
            history.decisions(),
            history.usage());
    if (forgotten.total() > 0) {
      log.info("data retention: {}", forgotten);
    }
    return forgotten;
  }

  private static int inChunks(IntUnaryOperator forget) {
    int total = 0;
    for (int chunk = 0; chunk < MAX_CHUNKS; chunk++) {
      int rows = forget.applyAsInt(CHUNK);
      total += rows;
      if (rows < CHUNK) {
        break;
      }
    }
    return total;
  }
}
