package io.simbundle.provisioning.store;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.ProvisioningException;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.outbox.Endpoint;
import io.simbundle.provisioning.privacy.PersonalDataSeal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores that push orders: onboarding, secret rotation with a grace period for the old secret, and
 * the secrets a request may be signed with. Secrets are generated here (256 random bits), shown
 * once and kept sealed.
 */
public final class StoreService {

  private static final Logger log = LoggerFactory.getLogger(StoreService.class);
  private static final String SEAL_FIELD = "storeSecret";
  private static final Duration SIGNER_CACHE = Duration.ofSeconds(10);

  private final PersistenceUnit unit;
  private final PersonalDataSeal seal;
  private final Clock clock;
  private final CampaignChannels channels;
  private final Map<String, CachedSigner> signers = new ConcurrentHashMap<>();

  /**
   * @param channels the channels each campaign is sold on: a store is given only campaigns sold on
   *     its own channel (its id)
   */
  public StoreService(
      PersistenceUnit unit, PersonalDataSeal seal, CampaignChannels channels, Clock clock) {
    this.channels = channels;
    this.unit = unit;
    this.seal = seal;
    this.clock = clock;
  }

  public static List<Class<?>> entities() {
    return List.of(StoreEntity.class);
  }

  /**
   * @throws ProvisioningException a conflict when the id is taken; 422 when a campaign is unknown
   *     or not sold on the store's channel
   */
  public IssuedSecret onboard(StoreRegistration registration, Actor actor) {
    String secret = SigningSecrets.generate();
    Instant now = clock.instant();
    Store store =
        unit.call(
            em -> {
              if (em.find(StoreEntity.class, registration.id()) != null) {
                throw ProvisioningException.conflict(
                    "store-exists", "store " + registration.id() + " is onboarded already");
              }
              requireSoldOnItsChannel(registration);
              StoreEntity entity = new StoreEntity();
              entity.id = registration.id();
              entity.name = registration.name();
              entity.callbackUrl = registration.callbackUrl().toString();
              entity.campaigns = String.join(",", registration.campaigns());
              entity.secretSealed = seal.seal(SEAL_FIELD, secret);
              entity.createdAt = now;
              entity.updatedAt = now;
              em.persist(entity);
              return view(entity);
            });
    log.info("store {} onboarded by {}", store.id(), actor);
    return new IssuedSecret(store, secret);
  }

  /**
   * A store can sell only campaigns sold on its channel: every order it pushed for another would be
   * refused, so it is refused here, naming the campaign and its channels.
   */
  private void requireSoldOnItsChannel(StoreRegistration registration) {
    List<String> wrong = new ArrayList<>();
    for (String campaign : registration.campaigns()) {
      Optional<Set<String>> soldOn = channels.of(campaign);
      if (soldOn.isEmpty()) {
        wrong.add(campaign + " is not in the catalog");
      } else if (!soldOn.get().contains(registration.id())) {
        wrong.add(
            campaign
                + " is sold on "
                + new java.util.TreeSet<>(soldOn.get())
                + ", not on "
                + registration.id());
      }
    }
    if (!wrong.isEmpty()) {
      throw ProvisioningException.refused(
          "campaign-not-on-channel",
          "a store sells only campaigns sold on its channel: " + String.join("; ", wrong),
          List.of(),
          Map.of("campaigns", wrong));
    }
  }

  /**
   * Changes a store's name, callback URL and campaigns; its secrets stay. Callbacks not yet
   * delivered go to the new URL.
   *
   * @throws ProvisioningException when the store is unknown; 422 when a campaign is unknown or not
   *     sold on the store's channel
   */
  public Store update(StoreRegistration registration, Actor actor) {
    Store store =
        unit.call(
            em -> {
              StoreEntity entity = em.find(StoreEntity.class, registration.id());
              if (entity == null) {
                throw ProvisioningException.notFound("no store " + registration.id());
              }
              requireSoldOnItsChannel(registration);
              entity.name = registration.name();
              entity.callbackUrl = registration.callbackUrl().toString();
              entity.campaigns = String.join(",", registration.campaigns());
              entity.updatedAt = clock.instant();
              return view(entity);
            });
    signers.remove(store.id());
    log.info("store {} changed by {}", store.id(), actor);
    return store;
  }

  /**
   * Issues a new secret; the current one stays valid for {@code grace}.
   *
   * @throws ProvisioningException when the store is unknown
   */
  public IssuedSecret rotateSecret(String storeId, Duration grace, Actor actor) {
    String secret = SigningSecrets.generate();
    Instant now = clock.instant();
    Store store =
        unit.call(
            em -> {
              StoreEntity entity = em.find(StoreEntity.class, storeId);
              if (entity == null) {
                throw ProvisioningException.notFound("no store " + storeId);
              }
              entity.previousSecretSealed = entity.secretSealed;
              entity.previousValidUntil = now.plus(grace);
              entity.secretSealed = seal.seal(SEAL_FIELD, secret);
              entity.updatedAt = now;
              return view(entity);
            });
    signers.remove(storeId);
    log.info(
        "secret of store {} rotated by {}; the previous one is valid {}", storeId, actor, grace);
    return new IssuedSecret(store, secret);
  }

  public Optional<Store> find(String storeId) {
    return unit.call(
        em -> Optional.ofNullable(em.find(StoreEntity.class, storeId)).map(this::view));
  }

  public List<Store> list() {
    return unit.call(
        em ->
            em
                .createQuery("FROM StoreEntity ORDER BY id", StoreEntity.class)
                .getResultList()
                .stream()
                .map(this::view)
                .toList());
  }

  /**
   * A store and the secrets its requests may be signed with: the current one, and the one before
   * until its grace period ends.
   */
  public record Signer(
      Store store,
      String current,
      Optional<String> previous,
      Optional<Instant> previousValidUntil) {

    /** The secrets a request signed at {@code now} may use. */
    public List<String> secrets(Instant now) {
      List<String> secrets = new ArrayList<>(2);
      secrets.add(current);
      if (previous.isPresent() && now.isBefore(previousValidUntil.orElseThrow())) {
        secrets.add(previous.get());
      }
      return secrets;
    }
  }

  private record CachedSigner(Optional<Signer> signer, long readAtNanos) {}

  /**
   * The store's signer as read at most {@link #SIGNER_CACHE} ago: read for every pushed order, it
   * is kept in memory rather than read and unsealed each time. A request its secrets refuse is
   * checked again against {@link #freshSigner}, so a secret rotated on another node is honoured at
   * once.
   */
  public Optional<Signer> signer(String storeId) {
    CachedSigner cached = signers.get(storeId);
    if (cached != null && System.nanoTime() - cached.readAtNanos() < SIGNER_CACHE.toNanos()) {
      return cached.signer();
    }
    return freshSigner(storeId);
  }

  /** The store's signer read from the database now. */
  public Optional<Signer> freshSigner(String storeId) {
    long readAt = System.nanoTime();
    Optional<Signer> signer =
        unit.call(
            em ->
                Optional.ofNullable(em.find(StoreEntity.class, storeId))
                    .map(
                        entity ->
                            new Signer(
                                view(entity),
                                seal.open(SEAL_FIELD, entity.secretSealed),
                                Optional.ofNullable(entity.previousSecretSealed)
                                    .map(previous -> seal.open(SEAL_FIELD, previous)),
                                Optional.ofNullable(entity.previousValidUntil))));
    if (signers.size() > 10_000) {
      signers.clear();
    }
    signers.put(storeId, new CachedSigner(signer, readAt));
    return signer;
  }

  /** Where the store takes callbacks, signed with its current secret. */
  public Optional<Endpoint> endpoint(String storeId) {
    return unit.call(
        em ->
            Optional.ofNullable(em.find(StoreEntity.class, storeId))
                .map(
                    e ->
                        new Endpoint(
                            URI.create(e.callbackUrl), seal.open(SEAL_FIELD, e.secretSealed))));
  }

  private Store view(StoreEntity entity) {
    return new Store(
        entity.id,
        entity.name,
        URI.create(entity.callbackUrl),
        entity.campaigns.isEmpty() ? List.of() : Arrays.asList(entity.campaigns.split(",")),
        Optional.ofNullable(entity.previousValidUntil),
        entity.createdAt);
  }
}
