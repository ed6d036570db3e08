package io.simbundle.provisioning.channels.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.outbox.Endpoint;
import io.simbundle.provisioning.outbox.RequestSignature;
import io.simbundle.provisioning.partner.PartnerEndpoints;
import io.simbundle.provisioning.sales.buyer.PartnerMembership;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks partners' platforms whether a buyer is new to them, through {@link PartnerUserCheckRoute}.
 *
 * <p>The request is signed with the partner's secret like every message the engine sends it, and
 * names the buyer only by a key: HMAC-SHA256 of the ID number under that secret, which the partner
 * computes for its own users and no one else can reverse. The answer must be signed back with the
 * same secret and name the same key, else it counts as no answer. Answers are kept per partner and
 * buyer key for {@code keep} (a buyer placing a second order is not asked about again); failures
 * are not kept.
 */
public final class PartnerUserChecks implements PartnerMembership {

  private static final Logger log = LoggerFactory.getLogger(PartnerUserChecks.class);
  private static final Duration ENDPOINT_KEPT = Duration.ofSeconds(30);

  private final LoadingCache<String, Optional<Endpoint>> endpoints;
  private final Cache<String, Boolean> answers;
  private final Supplier<ProducerTemplate> camel;
  private final Duration pause;
  private final Map<String, Unreachable> resting = new ConcurrentHashMap<>();
  private final Clock clock;

  /** A platform that could not be reached, and why. */
  private record Unreachable(Instant at, String why) {}

  /**
   * @param camel the running Camel context's template, once it runs
   * @param keep how long an answer is kept
   * @param pause how long a platform that could not be reached is not asked again
   */
  public PartnerUserChecks(
      PartnerEndpoints partners,
      Supplier<ProducerTemplate> camel,
      Duration keep,
      Duration pause,
      Clock clock) {
    this.pause = pause;
    // Read per order otherwise: a flash sale's orders would each cost a query for the same row.
    this.endpoints =
        Caffeine.newBuilder().expireAfterWrite(ENDPOINT_KEPT).build(partners::userCheck);
    this.answers = Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(1_000_000).build();
    this.camel = camel;
    this.clock = clock;
  }

  @Override
  public Answer ask(String partnerCode, String idNumber) {
    Optional<Endpoint> endpoint = endpoints.get(partnerCode);
    if (endpoint.isEmpty()) {
      return new NoPlatform();
    }
    String secret = endpoint.get().secret();
    String buyerKey = buyerKey(secret, idNumber);
    Boolean kept = answers.getIfPresent(partnerCode + ":" + buyerKey);
    if (kept != null) {
      return new Known(kept, true);
    }
    Unreachable failed = resting.get(partnerCode);
    if (failed != null && clock.instant().isBefore(failed.at().plus(pause))) {
      return new Silent(
          "not asked: it could not be reached "
              + pause.toSeconds()
              + " s before ("
              + failed.why()
              + ")");
    }
    Answer answer = call(partnerCode, endpoint.get(), buyerKey);
    if (answer instanceof Known known) {
      answers.put(partnerCode + ":" + buyerKey, known.newUser());
    } else {
      log.warn("partner {} did not say whether a buyer is new to it: {}", partnerCode, answer);
    }
    return answer;
  }

  private Answer call(String partnerCode, Endpoint endpoint, String buyerKey) {
    String body = Json.write(Map.of("partner", partnerCode, "buyerKey", buyerKey));
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    ProducerTemplate template = camel.get();
    Exchange exchange = new DefaultExchange(template.getCamelContext());
    exchange.setProperty(PartnerUserCheckRoute.CHECK_URL, endpoint.url().toString());
    exchange.getIn().setBody(body);
    exchange.getIn().setHeader(Exchange.CONTENT_TYPE, "application/json");
    exchange.getIn().setHeader("X-Simbundle-Timestamp", timestamp);
    exchange
        .getIn()
        .setHeader(
            "X-Simbundle-Signature", RequestSignature.sign(endpoint.secret(), timestamp, body));
    Exchange answered = template.send(PartnerUserCheckRoute.ENDPOINT, exchange);
    String silent = answered.getProperty(PartnerUserCheckRoute.SILENT, String.class);
    if (silent != null) {
      resting.put(partnerCode, new Unreachable(clock.instant(), silent));
      return new Silent(silent);
    }
    resting.remove(partnerCode);
    if (answered.getException() != null) {
      return new Silent(rootCause(answered.getException()));
    }
    int status = answered.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
    String reply = Optional.ofNullable(answered.getMessage().getBody(String.class)).orElse("");
    if (status != 200) {
      return new Silent("answered HTTP " + status);
    }
    Optional<String> unsigned =
        RequestSignature.refusal(
            List.of(endpoint.secret()),
            answered.getMessage().getHeader("X-Simbundle-Timestamp", String.class),
            answered.getMessage().getHeader("X-Simbundle-Signature", String.class),
            reply,
            clock.instant());
    if (unsigned.isPresent()) {
      return new Silent("its answer is not signed by it: " + unsigned.get());
    }
    try {
      JsonNode json = Json.mapper().readTree(reply);
      if (!buyerKey.equals(json.path("buyerKey").asText()) || !json.path("newUser").isBoolean()) {
        return new Silent("its answer names another buyer or no newUser");
      }
      return new Known(json.path("newUser").asBoolean(), false);
    } catch (java.io.IOException e) {
      return new Silent("its answer is not JSON");
    }
  }

  /** The buyer as the partner knows them: HMAC-SHA256 of the ID number under its secret, hex. */
  static String buyerKey(String secret, String idNumber) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(idNumber.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JVM has HmacSHA256", e);
    }
  }

  private static String rootCause(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName()
        + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
