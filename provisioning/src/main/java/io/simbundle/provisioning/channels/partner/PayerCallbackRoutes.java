package io.simbundle.provisioning.channels.partner;

import io.simbundle.provisioning.audit.Actor;
import io.simbundle.provisioning.channels.http.HttpResponses;
import io.simbundle.provisioning.channels.http.Problem;
import io.simbundle.provisioning.channels.http.ProblemException;
import io.simbundle.provisioning.channels.http.RequestBodies;
import io.simbundle.provisioning.channels.store.StoreOrderRoutes;
import io.simbundle.provisioning.outbox.Endpoint;
import io.simbundle.provisioning.outbox.RequestSignature;
import io.simbundle.provisioning.partner.PartnerEndpoints;
import io.simbundle.provisioning.subscription.CollectionOutcome;
import io.simbundle.provisioning.subscription.FeeCollection;
import io.simbundle.provisioning.subscription.SubscriptionService;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A credit payer (Alipay for a "0-yuan phone") answers a {@code fee.collect} request: {@code POST
 * /api/v1/payers/{payer}/collection} with {@code {fee, outcome: paid|declined, reference}}, signed
 * with the secret its endpoint was given (headers as a store's push). 200 with the fee and the
 * subscription's status after it; 401 for a missing, wrong or stale signature or an unknown payer;
 * 404 for a fee not its own; 409 for a fee paid already.
 */
public final class PayerCallbackRoutes extends RouteBuilder {

  private final PartnerEndpoints payers;
  private final SubscriptionService subscriptions;
  private final Clock clock;

  public PayerCallbackRoutes(
      PartnerEndpoints payers, SubscriptionService subscriptions, Clock clock) {
    this.payers = payers;
    this.subscriptions = subscriptions;
    this.clock = clock;
  }

  @Override
  public void configure() {
    rest("/api/v1/payers")
        .post("/{payer}/collection")
        .id("payer-collection")
        .to("direct:payer-collection");
    from("direct:payer-collection").process(this::collection);
  }

  private void collection(Exchange exchange) {
    String payer = exchange.getIn().getHeader("payer", String.class);
    String body = Optional.ofNullable(exchange.getIn().getBody(String.class)).orElse("");
    Optional<String> refusal =
        RequestSignature.refusal(
            payers.endpoint(payer).map(Endpoint::secret).map(List::of).orElse(List.of()),
            exchange.getIn().getHeader(StoreOrderRoutes.TIMESTAMP, String.class),
            exchange.getIn().getHeader(StoreOrderRoutes.SIGNATURE, String.class),
            body,
            clock.instant());
    refusal.ifPresent(
        reason -> {
          throw new ProblemException(Problem.badSignature(reason, "simbundle-payers"));
        });
    RequestBodies parsed = RequestBodies.parse(body);
    long fee = parsed.number("/fee", true).orElse(0L);
    Optional<CollectionOutcome> outcome =
        parsed
            .text("/outcome", true, 16)
            .flatMap(
                given -> {
                  Optional<CollectionOutcome> known = CollectionOutcome.fromApiName(given);
                  if (known.isEmpty()) {
                    parsed.invalid("/outcome", "paid, declined or reversed");
                  }
                  return known;
                });
    String reference = parsed.text("/reference", true, 128).orElse("");
    parsed.requireValid();
    FeeCollection answered =
        subscriptions.recordCollection(
            payer, fee, outcome.orElseThrow(), reference, Actor.channel(payer));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("fee", answered.fee());
    json.put("cycle", answered.cycle());
    json.put("amountFen", answered.amountFen());
    json.put("collection", answered.collection());
    json.put("productStatus", answered.productStatus().tmfName());
    HttpResponses.json(exchange, 200, json);
  }
}
