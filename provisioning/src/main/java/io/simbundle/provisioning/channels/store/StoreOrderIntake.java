package io.simbundle.provisioning.channels.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.rest.order.OrderRequestReader;
import io.simbundle.provisioning.channels.rest.order.ProductOrderJson;
import io.simbundle.provisioning.channels.rest.order.ProductOrderRoutes;
import io.simbundle.provisioning.sales.order.OrderOutcome;
import io.simbundle.provisioning.sales.order.OrderRequest;
import io.simbundle.provisioning.sales.order.OrderService;
import io.simbundle.provisioning.store.Store;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes one signed order pushed by a store, whichever way it came (HTTP or the order topic): the
 * signature is verified on the raw body before anything is parsed, then the order is placed like a
 * back-office order with the store as its channel. The store's order id makes a repeat harmless.
 */
public final class StoreOrderIntake {

  private final StoreSignatures signatures;
  private final OrderService orders;

  public StoreOrderIntake(StoreSignatures signatures, OrderService orders) {
    this.signatures = signatures;
    this.orders = orders;
  }

  /** An accepted order (created now, or by an earlier delivery of the same store order). */
  public record Accepted(Map<String, Object> order, String href) {}

  /**
   * @param signedAt the instant the signature's timestamp is checked against: now for a request,
   *     the broker's append time for a message that may have waited in a topic
   * @throws ProblemException 401 for a missing, wrong or stale signature, 400 for an invalid body,
   *     403 for a campaign the store may not sell, 422 with the rules' reasons
   * @throws io.simbundle.provisioning.ProvisioningException when no number or card is left
   */
  public Accepted take(
      String storeId, String timestamp, String signature, String rawBody, Instant signedAt) {
    String body = rawBody == null ? "" : rawBody;
    Store store = signatures.verify(storeId, timestamp, signature, body, signedAt);
    RequestBodies parsed = RequestBodies.parse(body);
    Optional<String> channel = parsed.text("/channel/id", false);
    if (channel.isPresent() && !channel.get().equals(storeId)) {
      parsed.invalid("/channel/id", "must be the store, " + storeId + ", or left out");
    }
    ((ObjectNode) parsed.root())
        .set("channel", Json.mapper().createObjectNode().put("id", storeId));
    OrderRequest request = OrderRequestReader.read(parsed);
    StoreOrderPolicy.refusal(store, request)
        .ifPresent(
            refused -> {
              if (refused.forbidden()) {
                throw new ProblemException(
                    Problem.of(
                        403, "campaign-not-allowed", "Campaign not allowed", refused.reason()));
              }
              parsed.invalid(refused.field(), refused.reason());
              parsed.requireValid();
            });
    OrderOutcome outcome = orders.create(request, Actor.channel(storeId));
    ProductOrderRoutes.requireNotRejected(outcome);
    Map<String, Object> json = new LinkedHashMap<>(ProductOrderJson.json(outcome.items()));
    json.put("duplicate", !outcome.created());
    return new Accepted(json, (String) json.get("href"));
  }
}
