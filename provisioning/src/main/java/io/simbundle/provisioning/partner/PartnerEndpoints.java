package io.simbundle.provisioning.partner;

import io.simbundle.platform.database.PersistenceUnit;
import io.simbundle.provisioning.outbox.Endpoint;
import io.simbundle.provisioning.privacy.PersonalDataSeal;
import io.simbundle.provisioning.store.SigningSecrets;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where each partner's platform (Tencent's for WeChat Wo perks …) takes perk notices, and where it
 * says whether a buyer is new to it. Setting an endpoint issues a new signing secret, shown once
 * and kept sealed.
 */
public final class PartnerEndpoints {

  private static final String SEAL_FIELD = "partnerSecret";

  private final PersistenceUnit unit;
  private final PersonalDataSeal seal;
  private final Clock clock;

  public PartnerEndpoints(PersistenceUnit unit, PersonalDataSeal seal, Clock clock) {
    this.unit = unit;
    this.seal = seal;
    this.clock = clock;
  }

  public static List<Class<?>> entities() {
    return List.of(PartnerEndpointEntity.class);
  }

  /**
   * Sets (or replaces) a partner's endpoint.
   *
   * @return the new signing secret
   */
  public String set(String partnerCode, URI url) {
    return set(partnerCode, url, Optional.empty());
  }

  /**
   * Sets (or replaces) a partner's endpoint and the address its platform answers user checks at.
   *
   * @return the new signing secret
   */
  public String set(String partnerCode, URI url, Optional<URI> userCheckUrl) {
    String secret = SigningSecrets.generate();
    Instant now = clock.instant();
    unit.run(
        em -> {
          PartnerEndpointEntity found = em.find(PartnerEndpointEntity.class, partnerCode);
          PartnerEndpointEntity entity = found == null ? new PartnerEndpointEntity() : found;
          entity.url = url.toString();
          entity.userCheckUrl = userCheckUrl.map(URI::toString).orElse(null);
          entity.secretSealed = seal.seal(SEAL_FIELD, secret);
          entity.updatedAt = now;
          if (found == null) {
            entity.partnerCode = partnerCode;
            entity.createdAt = now;
            em.persist(entity);
          }
        });
    return secret;
  }

  /** Where the partner's platform answers whether a buyer is new to it, with the signing secret. */
  public Optional<Endpoint> userCheck(String partnerCode) {
    return unit.call(
        em ->
            Optional.ofNullable(em.find(PartnerEndpointEntity.class, partnerCode))
                .filter(e -> e.userCheckUrl != null)
                .map(
                    e ->
                        new Endpoint(
                            URI.create(e.userCheckUrl), seal.open(SEAL_FIELD, e.secretSealed))));
  }

  public Optional<Endpoint> endpoint(String partnerCode) {
    return unit.call(
        em ->
            Optional.ofNullable(em.find(PartnerEndpointEntity.class, partnerCode))
                .map(e -> new Endpoint(URI.create(e.url), seal.open(SEAL_FIELD, e.secretSealed))));
  }
}
