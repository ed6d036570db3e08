package io.simbundle.provisioning.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An e-commerce store that pushes orders (Tmall, Yixun …), as the admin API shows it; its secrets
 * are never shown again after they were issued.
 *
 * @param campaigns the presale campaigns it may sell
 * @param previousSecretValidUntil until when the secret before the last rotation is accepted
 */
public record Store(
    String id,
    String name,
    URI callbackUrl,
    List<String> campaigns,
    Optional<Instant> previousSecretValidUntil,
    Instant createdAt) {

  public Store {
    campaigns = List.copyOf(campaigns);
  }
}
