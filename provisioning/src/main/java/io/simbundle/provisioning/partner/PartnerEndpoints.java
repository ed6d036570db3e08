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
 * Where each partner's platform (Tencent's for WeChat Wo perks …) takes perk notices. Setting an
 * endpoint issues a new signing secret, shown once and kept sealed.
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
    String secret = SigningSecrets.generate();
    Instant now = clock.instant();
    unit.run(
        em -> {
          PartnerEndpointEntity found = em.find(PartnerEndpointEntity.class, partnerCode);
          PartnerEndpointEntity entity = found == null ? new PartnerEndpointEntity() : found;
          entity.url = url.toString();
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

  public Optional<Endpoint> endpoint(String partnerCode) {
    return unit.call(
        em ->
            Optional.ofNullable(em.find(PartnerEndpointEntity.class, partnerCode))
                .map(e -> new Endpoint(URI.create(e.url), seal.open(SEAL_FIELD, e.secretSealed))));
  }
}
