package io.simbundle.provisioning.channels.store;

import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.outbox.RequestSignature;
import io.simbundle.provisioning.store.Store;
import io.simbundle.provisioning.store.StoreService;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies that a request comes from the store it names: HMAC-SHA256 over {@code timestamp + "." +
 * raw body} with one of the store's secrets, the timestamp within the replay window. Checked before
 * anything in the body is read.
 */
public final class StoreSignatures {

  private final StoreService stores;

  public StoreSignatures(StoreService stores) {
    this.stores = stores;
  }

  /**
   * @param signedAt the instant the timestamp is checked against: now for a request, the broker's
   *     append time for a message that may have waited in a topic
   * @return the store
   * @throws ProblemException 401 for a missing, wrong or stale signature, or an unknown store
   */
  public Store verify(
      String storeId, String timestamp, String signature, String body, Instant signedAt) {
    Optional<StoreService.Signer> signer = stores.signer(storeId);
    Optional<String> refusal = refusal(signer, timestamp, signature, body, signedAt);
    if (refusal.isPresent()) {
      // The kept secrets may predate a rotation made on another node: look again before refusing.
      signer = stores.freshSigner(storeId);
      refusal = refusal(signer, timestamp, signature, body, signedAt);
    }
    // An unknown store has no secret, so it is refused like a wrong signature: nothing to probe.
    refusal.ifPresent(
        reason -> {
          throw new ProblemException(Problem.badSignature(reason, "simbundle-stores"));
        });
    return signer.orElseThrow().store();
  }

  private static Optional<String> refusal(
      Optional<StoreService.Signer> signer,
      String timestamp,
      String signature,
      String body,
      Instant signedAt) {
    return RequestSignature.refusal(
        signer.map(s -> s.secrets(signedAt)).orElse(List.of()),
        timestamp,
        signature,
        body,
        signedAt);
  }
}
