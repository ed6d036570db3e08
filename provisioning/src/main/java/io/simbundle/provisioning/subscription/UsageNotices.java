package io.simbundle.provisioning.subscription;

import io.simbundle.charging.account.UsageThreshold;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.Message;
import io.simbundle.provisioning.outbox.Outbox;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells subscribers of the usage thresholds they pass (80 % and 100 % of the allowance, a
 * free-traffic cap, the SMS, the minutes) through the outbox: a {@code usage.threshold} message to
 * the subscriber, sent by SMS where the engine has an SMSC. Charging calls it on its commit thread,
 * so the message is written on a thread of its own; a threshold is told at most once (the charging
 * state records it told; a notice still queued when the engine stops is lost).
 */
final class UsageNotices implements Consumer<UsageThreshold> {

  static final String KIND = "usage.threshold";

  private static final Logger log = LoggerFactory.getLogger(UsageNotices.class);

  private final SubscriptionRoom room;
  private final Outbox outbox;
  private final ThreadPoolExecutor writer =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(10_000),
          runnable -> {
            Thread thread = new Thread(runnable, "usage-notices");
            thread.setDaemon(true);
            return thread;
          },
          (dropped, executor) -> log.warn("usage notice dropped: {} are waiting", 10_000));

  UsageNotices(SubscriptionRoom room, Outbox outbox) {
    this.room = room;
    this.outbox = outbox;
  }

  @Override
  public void accept(UsageThreshold passed) {
    writer.execute(() -> write(passed));
  }

  private void write(UsageThreshold passed) {
    try {
      room.unit()
          .run(
              em ->
                  room.subscriptions()
                      .lockActive(passed.msisdn())
                      .ifPresent(
                          product ->
                              outbox.write(
                                  new Message(
                                      Destination.subscriber(product.id),
                                      KIND,
                                      payload(passed),
                                      room.clock().instant()))));
    } catch (RuntimeException e) {
      log.warn("usage notice for a {} threshold not written: {}", passed.meter(), e.getMessage());
    }
  }

  private static Map<String, Object> payload(UsageThreshold passed) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("msisdn", passed.msisdn());
    payload.put("meter", passed.meter().name());
    if (!passed.reference().isEmpty()) {
      payload.put("privilege", passed.reference());
    }
    payload.put("percent", passed.percent());
    payload.put("used", passed.used());
    payload.put("limit", passed.limit());
    payload.put("cycleStart", passed.cycleStart());
    return payload;
  }
}
