package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.charging.Balance;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.provisioning.outbox.Destination;
import io.simbundle.provisioning.outbox.Message;
import io.simbundle.provisioning.outbox.Outbox;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells subscribers, {@link #AHEAD} before, that a one-off gift with data left is about to expire:
 * a {@code gift.expiring} outbox message (an SMS where the engine sends them), once per gift and
 * expiry. Active subscriptions are looked at a page at a time, round and round, so that one run
 * never holds the job thread for long; {@code gift_notice} makes each notice once only, also with
 * several nodes running the job.
 */
public final class GiftExpiryNotices {

  /** How long before its expiry a gift is told about. */
  public static final Duration AHEAD = Duration.ofDays(3);

  static final String KIND = "gift.expiring";

  private final SubscriptionRoom room;
  private final ChargingFunction charging;
  private final Outbox outbox;
  private final AtomicLong after = new AtomicLong();

  GiftExpiryNotices(SubscriptionRoom room, ChargingFunction charging, Outbox outbox) {
    this.room = room;
    this.charging = charging;
    this.outbox = outbox;
  }

  /**
   * Looks at the next {@code page} active subscriptions and tells those with a gift expiring within
   * {@link #AHEAD}.
   *
   * @return how many were told
   */
  public int tellDue(int page) {
    Instant now = room.clock().instant();
    List<Long> ids =
        room.unit()
            .call(
                em ->
                    em.createQuery(
                            "SELECT p.id FROM ProductEntity p WHERE p.status = 'active'"
                                + " AND p.id > :after ORDER BY p.id",
                            Long.class)
                        .setParameter("after", after.get())
                        .setMaxResults(page)
                        .getResultList());
    // A short page means the end: the next run starts again from the first subscription.
    after.set(ids.size() < page ? 0 : ids.get(ids.size() - 1));
    int told = 0;
    for (long id : ids) {
      told += tell(id, now);
    }
    return told;
  }

  private int tell(long productId, Instant now) {
    return room.unit()
        .call(
            em -> {
              Optional<ProductEntity> found = room.subscriptions().find(productId);
              if (found.isEmpty()) {
                return 0;
              }
              ProductEntity product = found.get();
              // A monthly gift comes back with the next cycle; only one-off gifts expire.
              List<HeldGift> expiring =
                  product.heldGifts().stream()
                      .filter(gift -> gift.recurrence() == Recurrence.ONCE)
                      .filter(gift -> expiry(gift).isAfter(now))
                      .filter(gift -> !expiry(gift).isAfter(now.plus(AHEAD)))
                      .toList();
              if (expiring.isEmpty()) {
                return 0; // the charging account is not read (nor loaded) for nothing
              }
              Optional<Balance> balance = charging.balance(product.msisdn);
              int told = 0;
              for (HeldGift gift : expiring) {
                Instant expires = expiry(gift);
                long left =
                    balance.map(b -> b.giftsLeftBytes().getOrDefault(gift.code(), 0L)).orElse(0L);
                if (left <= 0) {
                  continue;
                }
                int claimed =
                    em.createNativeQuery(
                            "INSERT IGNORE INTO gift_notice (product_id, gift_code, expires_at,"
                                + " told_at) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, productId)
                        .setParameter(2, gift.code())
                        .setParameter(3, expires)
                        .setParameter(4, now)
                        .executeUpdate();
                if (claimed == 1) {
                  Map<String, Object> payload = new LinkedHashMap<>();
                  payload.put("gift", gift.code());
                  payload.put("leftBytes", left);
                  payload.put("expiresAt", expires.toString());
                  outbox.write(new Message(Destination.subscriber(productId), KIND, payload, now));
                  told++;
                }
              }
              return told;
            });
  }

  private static Instant expiry(HeldGift gift) {
    return gift.grantedAt().plus(Duration.ofDays(gift.granted().validityDays()));
  }
}
