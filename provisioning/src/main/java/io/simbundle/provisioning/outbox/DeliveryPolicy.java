package io.simbundle.provisioning.outbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard the outbox tries: the first retry after {@code firstBackoff}, each next one twice as
 * late up to {@code maxBackoff}; after {@code maxAttempts} failures a message is dead-lettered.
 */
public record DeliveryPolicy(
    int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration timeout) {

  public DeliveryPolicy {
    Objects.requireNonNull(firstBackoff);
    Objects.requireNonNull(maxBackoff);
    Objects.requireNonNull(timeout);
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("at least one attempt");
    }
  }

  public static DeliveryPolicy defaults() {
    return new DeliveryPolicy(
        8, Duration.ofSeconds(1), Duration.ofMinutes(10), Duration.ofSeconds(5));
  }

  /** How long to wait after the {@code attempts}-th failure. */
  public Duration backoffAfter(int attempts) {
    Duration backoff = firstBackoff.multipliedBy(1L << Math.min(attempts - 1, 30));
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }
}
