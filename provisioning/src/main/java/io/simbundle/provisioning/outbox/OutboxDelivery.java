package io.simbundle.provisioning.outbox;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: a subscriber's message goes to the {@link SubscriberChannel} (SMS); any
 * other due message is POSTed to its destination's endpoint, signed like a store's request
 * (timestamp and HMAC-SHA256 headers, plus the message id so the receiver can drop repeats). A 2xx
 * marks it delivered; anything else schedules a retry with exponential backoff, and after the last
 * attempt the message moves to the dead-letter table. Messages are claimed with {@code FOR UPDATE
 * SKIP LOCKED} and a lease, so several engines never send one message at once, and a crash between
 * sending and marking only causes a repeat the receiver recognises.
 */
public final class OutboxDelivery {

  private static final Logger log = LoggerFactory.getLogger(OutboxDelivery.class);
  private static final Duration LEASE = Duration.ofSeconds(30);

  /** Messages claimed at once. */
  public static final int BATCH = 20;

  private final PersistenceUnit unit;
  private final Destinations destinations;
  private final SubscriberChannel subscribers;
  private final DeliveryPolicy policy;
  private final Clock clock;
  private final HttpClient http;

  /**
   * @param destinations where stores and partners take their messages (HTTP)
   * @param subscribers how subscribers are reached (SMS)
   */
  public OutboxDelivery(
      PersistenceUnit unit,
      Destinations destinations,
      SubscriberChannel subscribers,
      DeliveryPolicy policy,
      Clock clock) {
    this.unit = unit;
    this.destinations = destinations;
    this.subscribers = subscribers;
    this.policy = policy;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(policy.timeout()).build();
  }

  public static List<Class<?>> entities() {
    return List.of(DeadLetterEntity.class);
  }

  /**
   * Forgets up to {@code limit} messages delivered before {@code before}; those not delivered yet
   * and dead letters stay.
   *
   * @return how many were forgotten
   */
  public int forgetDelivered(Instant before, int limit) {
    return unit.call(
        em ->
            em.createNativeQuery(
                    "DELETE FROM outbox_message WHERE delivered_at < ?1 ORDER BY delivered_at"
                        + " LIMIT ?2")
                .setParameter(1, before)
                .setParameter(2, limit)
                .executeUpdate());
  }

  /**
   * Sends the messages that are due.
   *
   * @return how many were delivered
   */
  public int deliverDue() {
    Instant now = clock.instant();
    List<OutboxMessageEntity> claimed =
        unit.call(
            em -> {
              @SuppressWarnings("unchecked")
              List<Long> ids =
                  em.createNativeQuery(
                          "SELECT id FROM outbox_message WHERE delivered_at IS NULL"
                              + " AND next_attempt_at <= ?1 ORDER BY id LIMIT "
                              + BATCH
                              + " FOR UPDATE SKIP LOCKED",
                          Long.class)
                      .setParameter(1, now)
                      .getResultList();
              List<OutboxMessageEntity> messages =
                  ids.stream().map(id -> em.find(OutboxMessageEntity.class, id)).toList();
              messages.forEach(m -> m.nextAttemptAt = now.plus(LEASE));
              return messages;
            });
    int delivered = 0;
    for (OutboxMessageEntity message : claimed) {
      delivered += deliver(message) ? 1 : 0;
    }
    return delivered;
  }

  private boolean deliver(OutboxMessageEntity message) {
    if (Destination.parse(message.destination).map(Destination::bySms).orElse(false)) {
      SubscriberChannel.Attempt attempt;
      try {
        attempt = subscribers.send(Outbox.view(message));
      } catch (RuntimeException e) {
        attempt =
            new SubscriberChannel.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      if (attempt instanceof SubscriberChannel.Waiting waiting) {
        record(message.id, Optional.of(waiting.why()), false);
        return false;
      }
      Optional<String> failure =
          attempt instanceof SubscriberChannel.Failed failed
              ? Optional.of(failed.why())
              : Optional.empty();
      record(message.id, failure, true);
      return failure.isEmpty();
    }
    Optional<Endpoint> endpoint =
        Destination.parse(message.destination).flatMap(destinations::endpoint);
    if (endpoint.isEmpty()) {
      // Not a failure of the receiver: the message waits for its endpoint to be configured.
      record(message.id, Optional.of("no endpoint configured for " + message.destination), false);
      return false;
    }
    Optional<String> failure = send(message, endpoint.get());
    record(message.id, failure, true);
    return failure.isEmpty();
  }

  private Optional<String> send(OutboxMessageEntity message, Endpoint endpoint) {
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(endpoint.url())
            .timeout(policy.timeout())
            .header("Content-Type", "application/json")
            .header("X-Simbundle-Message-Id", String.valueOf(message.id))
            .header("X-Simbundle-Kind", message.kind)
            .header("X-Simbundle-Timestamp", timestamp)
            .header(
                "X-Simbundle-Signature",
                RequestSignature.sign(endpoint.secret(), timestamp, message.payload))
            .POST(HttpRequest.BodyPublishers.ofString(message.payload))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      return response.statusCode() / 100 == 2
          ? Optional.empty()
          : Optional.of("HTTP " + response.statusCode() + " from " + endpoint.url());
    } catch (IOException e) {
      return Optional.of(
          e.getClass().getSimpleName() + " to " + endpoint.url() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    }
  }

  /**
   * A message delivered that turned out not to be — an SMS whose receipt says it never reached the
   * handset: it counts as a failed attempt, and is tried again or dead-lettered. Nothing happens
   * when it is no longer marked delivered (another part's receipt told it first).
   */
  public void failedAfterDelivery(long id, String why) {
    boolean reopened =
        unit.call(
            em -> {
              OutboxMessageEntity message = em.find(OutboxMessageEntity.class, id);
              if (message == null || message.deliveredAt == null) {
                return false;
              }
              message.deliveredAt = null;
              message.attempts--; // counted again below, as a failure
              return true;
            });
    if (reopened) {
      record(id, Optional.of(why), true);
    }
  }

  private void record(long id, Optional<String> failure, boolean attempted) {
    Instant now = clock.instant();
    unit.run(
        em -> {
          OutboxMessageEntity message = em.find(OutboxMessageEntity.class, id);
          if (failure.isEmpty()) {
            message.deliveredAt = now;
            message.attempts++;
            message.lastError = null;
            return;
          }
          message.lastError = truncate(failure.get());
          if (!attempted) {
            message.nextAttemptAt = now.plus(policy.maxBackoff());
            return;
          }
          message.attempts++;
          if (message.attempts < policy.maxAttempts()) {
            message.nextAttemptAt = now.plus(policy.backoffAfter(message.attempts));
            return;
          }
          DeadLetterEntity dead = new DeadLetterEntity();
          dead.id = message.id;
          dead.destination = message.destination;
          dead.kind = message.kind;
          dead.payload = message.payload;
          dead.createdAt = message.createdAt;
          dead.attempts = message.attempts;
          dead.lastError = message.lastError;
          dead.deadAt = now;
          em.persist(dead);
          em.remove(message);
          log.warn(
              "outbox message {} to {} dead-lettered after {} attempts: {}",
              id,
              dead.destination,
              dead.attempts,
              dead.lastError);
        });
  }

  private static String truncate(String text) {
    return text.length() > 1000 ? text.substring(0, 997) + "..." : text;
  }

  /** Messages not yet delivered, per destination. */
  public Map<String, Long> backlog() {
    return unit.call(
        em ->
            em
                .createQuery(
                    "SELECT m.destination FROM OutboxMessageEntity m WHERE m.deliveredAt IS NULL",
                    String.class)
                .getResultList()
                .stream()
                .collect(
                    Collectors.groupingBy(d -> d, java.util.TreeMap::new, Collectors.counting())));
  }

  public List<DeadLetter> deadLetters() {
    return unit.call(
        em ->
            em
                .createQuery("FROM DeadLetterEntity ORDER BY id", DeadLetterEntity.class)
                .getResultList()
                .stream()
                .map(
                    d ->
                        new DeadLetter(
                            d.id,
                            d.destination,
                            d.kind,
                            d.payload,
                            d.createdAt,
                            d.attempts,
                            d.lastError,
                            d.deadAt))
                .toList());
  }

  /**
   * Puts a dead letter back in the outbox for a fresh round of attempts.
   *
   * @throws ProvisioningException when there is no such dead letter
   */
  public void redrive(long id) {
    Instant now = clock.instant();
    unit.run(
        em -> {
          // The message keeps its id, which receivers use to recognise repeats.
          int moved =
              em.createNativeQuery(
                      "INSERT INTO outbox_message (id, destination, kind, payload, created_at,"
                          + " attempts, next_attempt_at, last_error) SELECT id, destination, kind,"
                          + " payload, created_at, 0, ?1, CONCAT('re-driven after: ', last_error)"
                          + " FROM outbox_dead_letter WHERE id = ?2")
                  .setParameter(1, now)
                  .setParameter(2, id)
                  .executeUpdate();
          if (moved == 0) {
            throw ProvisioningException.notFound("no dead letter " + id);
          }
          em.createNativeQuery("DELETE FROM outbox_dead_letter WHERE id = ?1")
              .setParameter(1, id)
              .executeUpdate();
        });
    log.info("dead letter {} re-driven", id);
  }
}
