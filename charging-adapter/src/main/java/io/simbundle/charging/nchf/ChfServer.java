package io.simbundle.charging.nchf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.gy.ChargingRequest;
import io.simbundle.charging.gy.CreditControlOutcome;
import io.simbundle.charging.gy.CreditControlService;
import io.simbundle.charging.store.NotShardOwnerException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charging function as a 5G CHF: {@code Nchf_ConvergedCharging} v3 (TS 32.291) over HTTP/2 (h2c
 * with prior knowledge, or TLS) and HTTP/1.1. A PDU session's create, update and release are
 * charged as Gy's CCR-I, CCR-U and CCR-T on the same accounts, under the same locks and journal:
 * 201 and 200 are sent only once the request's effects are committed, and a request sent again with
 * the same ChargingDataRef and invocationSequenceNumber gets the answer already given — also after
 * a restart, and also for a create whose 201 was lost, since a create's reference is derived from
 * the consumer, the PDU session's charging id and the subscriber.
 */
public final class ChfServer implements AutoCloseable {

  /** The resource collection, below the apiRoot. */
  public static final String API = "/nchf-convergedcharging/v3/chargingdata";

  /** The operations served, as "METHOD path" with the path template of TS 32.291. */
  public static final List<String> OPERATIONS =
      List.of(
          "POST " + API,
          "POST " + API + "/{ChargingDataRef}/update",
          "POST " + API + "/{ChargingDataRef}/release");

  /** The largest request body taken; a ChargingDataRequest is a few kilobytes. */
  static final int MAX_BODY = 64 * 1024;

  private static final Logger log = LoggerFactory.getLogger(ChfServer.class);
  private static final Pattern ON_REFERENCE =
      Pattern.compile(Pattern.quote(API) + "/([A-Za-z0-9_-]{1,64})/(update|release)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx;
  private final HttpServer server;
  private final HttpClient notifications;
  private final CreditControlService charging;
  private final Clock clock;
  private final ChfSettings settings;

  private ChfServer(Vertx vertx, CreditControlService charging, Clock clock, ChfSettings settings) {
    this.vertx = vertx;
    this.charging = charging;
    this.clock = clock;
    this.settings = settings;
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(settings.host())
            .setPort(settings.port())
            .setHttp2ClearTextEnabled(true)
            .setMaxInitialLineLength(4096);
    if (settings.tls()) {
      options
          .setSsl(true)
          .setUseAlpn(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertPath(settings.certificate().orElseThrow().toString())
                  .setKeyPath(settings.key().orElseThrow().toString()));
    }
    this.server = vertx.createHttpServer(options).requestHandler(this::handle);
    // SMFs take notifications on HTTP/2 as well: cleartext with prior knowledge, or ALPN on TLS.
    this.notifications =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setUseAlpn(true)
                .setConnectTimeout(2000)
                .setIdleTimeout(60));
  }

  /** Starts listening; returns once the port is bound. */
  public static ChfServer start(ChfSettings settings, CreditControlService charging, Clock clock) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1));
    ChfServer chf = new ChfServer(vertx, charging, clock, settings);
    try {
      chf.server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException(
          "the CHF could not listen on " + settings.host() + ":" + settings.port(), e);
    }
    log.info("CHF (Nchf_ConvergedCharging v3) listening on port {}", chf.port());
    return chf;
  }

  /** What a ChargingNotifyRequest tells an SMF (TS 32.291 6.1.6.3.5). */
  public enum Notification {
    /** Ask again for the rating groups named: privileges or gifts changed. */
    REAUTHORIZATION,
    /** Stop charging the session: the subscriber was suspended or terminated. */
    ABORT_CHARGING
  }

  /**
   * POSTs a ChargingNotifyRequest to a session's {@code notifyUri}, as Gy sends a RAR. Sent once,
   * after the change committed; an SMF that does not answer 204 is logged and learns of the change
   * at its next update, when its grant's validity ends.
   */
  public void notifySmf(String notifyUri, Notification type, Set<Long> ratingGroups) {
    ObjectNode body = JSON.createObjectNode();
    body.put("notificationType", type.name());
    if (type == Notification.REAUTHORIZATION && !ratingGroups.isEmpty()) {
      ArrayNode details = body.putArray("reauthorizationDetails");
      ratingGroups.forEach(group -> details.addObject().put("ratingGroup", group));
    }
    RequestOptions request;
    try {
      request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(notifyUri);
    } catch (IllegalArgumentException e) {
      log.warn("not notifying an SMF: its notifyUri is not a URI");
      return;
    }
    notifications
        .request(request)
        .compose(r -> r.putHeader("Content-Type", "application/json").send(body.toString()))
        .onComplete(
            done -> {
              if (done.failed()) {
                log.warn("an SMF was not notified ({}): {}", type, done.cause().toString());
              } else if (done.result().statusCode() != 204) {
                log.warn("an SMF answered a {} notification {}", type, done.result().statusCode());
              }
            });
  }

  /** The port bound. */
  public int port() {
    return server.actualPort();
  }

  /**
   * Where SMFs reach this CHF, e.g. {@code http://10.0.0.7:8090}: the address bound, or {@code
   * wildcardHost} when it bound every address.
   */
  public String apiRoot(String wildcardHost) {
    String host = settings.host();
    if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
      host = wildcardHost;
    }
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return (settings.tls() ? "https://" : "http://") + host + ":" + port();
  }

  private void handle(HttpServerRequest request) {
    Context context = vertx.getOrCreateContext();
    String path = request.path();
    ChargingDataRequests.Operation operation;
    String reference;
    Matcher onReference = ON_REFERENCE.matcher(path);
    if (path.equals(API)) {
      operation = ChargingDataRequests.Operation.CREATE;
      reference = null;
    } else if (onReference.matches()) {
      operation =
          onReference.group(2).equals("update")
              ? ChargingDataRequests.Operation.UPDATE
              : ChargingDataRequests.Operation.RELEASE;
      reference = onReference.group(1);
    } else {
      respond(
          request, ChfProblem.of(404, "RESOURCE_URI_STRUCTURE_NOT_FOUND", "no such Nchf resource"));
      return;
    }
    if (request.method() != HttpMethod.POST) {
      request.response().putHeader("Allow", "POST");
      respond(request, ChfProblem.of(405, "INVALID_API", "only POST is defined here"));
      return;
    }
    String type = request.getHeader("Content-Type");
    if (type == null || !type.toLowerCase().startsWith("application/json")) {
      respond(
          request,
          ChfProblem.of(415, "UNSUPPORTED_MEDIA_TYPE", "the body must be application/json"));
      return;
    }
    String length = request.getHeader("Content-Length");
    if (length != null && length.length() > 9
        || length != null && Long.parseLong(length) > MAX_BODY) {
      respond(request, ChfProblem.of(413, "PAYLOAD_TOO_LARGE", "a body is at most 64 KiB"));
      return;
    }
    // The whole body, as Vert.x collects it (also when the stream ended with its headers); a body
    // that announced no length is checked once read.
    request
        .body()
        .onComplete(
            read -> {
              if (read.failed()) {
                request.connection().close();
              } else if (read.result().length() > MAX_BODY) {
                respond(
                    request, ChfProblem.of(413, "PAYLOAD_TOO_LARGE", "a body is at most 64 KiB"));
              } else {
                decide(request, context, operation, reference, read.result());
              }
            });
  }

  private void decide(
      HttpServerRequest request,
      Context context,
      ChargingDataRequests.Operation operation,
      String reference,
      Buffer body) {
    ChargingDataRequests.Read read;
    try {
      read = ChargingDataRequests.read(parse(body), operation);
    } catch (ChfProblem.Rejected rejected) {
      respond(request, rejected.problem());
      return;
    }
    String ref = reference != null ? reference : referenceOf(read);
    ChargingRequest charged = read.request(sessionOf(ref));
    charging
        .decideOwned(charged)
        .whenComplete(
            (outcome, failure) -> {
              if (failure == null) {
                context.runOnContext(v -> answer(request, operation, ref, outcome));
              } else if (unwrap(failure) instanceof NotShardOwnerException notOwner) {
                charging
                    .chfHolding(notOwner.shard())
                    .whenComplete(
                        (owner, unknown) ->
                            context.runOnContext(v -> elsewhere(request, owner, unknown)));
              } else {
                context.runOnContext(v -> respond(request, failed(failure)));
              }
            });
  }

  /**
   * A request for a subscriber whose shard another node holds: 307 to the same resource on that
   * node's CHF (TS 29.500 6.10.9) while it is alive and serves one; else 503 {@code
   * NF_SERVICE_FAILOVER}, and the SMF tries again or another CHF.
   */
  private static void elsewhere(
      HttpServerRequest request, Optional<String> owner, Throwable unknown) {
    if (unknown != null || owner.isEmpty()) {
      respond(
          request,
          ChfProblem.of(
              503, "NF_SERVICE_FAILOVER", "another charging node decides for this subscriber"));
      return;
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("cause", "another CHF instance decides for this subscriber");
    request
        .response()
        .setStatusCode(307)
        .putHeader("Location", owner.get() + request.path())
        .putHeader("Content-Type", "application/json")
        .end(body.toString());
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static JsonNode parse(Buffer body) throws ChfProblem.Rejected {
    try {
      return JSON.readTree(body.toString(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new ChfProblem.Rejected(
          ChfProblem.of(400, "INVALID_MSG_FORMAT", "the body is not valid JSON"));
    }
  }

  private void answer(
      HttpServerRequest request,
      ChargingDataRequests.Operation operation,
      String ref,
      CreditControlOutcome outcome) {
    ChargingDataResponses.problem(outcome)
        .ifPresentOrElse(
            problem -> respond(request, problem),
            () -> {
              if (operation == ChargingDataRequests.Operation.RELEASE) {
                request.response().setStatusCode(204).end();
                return;
              }
              if (operation == ChargingDataRequests.Operation.CREATE) {
                request.response().setStatusCode(201).putHeader("Location", location(request, ref));
              } else {
                request.response().setStatusCode(200);
              }
              request
                  .response()
                  .putHeader("Content-Type", "application/json")
                  .end(ChargingDataResponses.response(outcome, clock.instant()).toString());
            });
  }

  private static ChfProblem failed(Throwable failure) {
    Throwable cause = unwrap(failure);
    log.error("Nchf charging failed", cause);
    return ChfProblem.of(500, "CHARGING_FAILED", "charging failed; nothing was granted");
  }

  private static void respond(HttpServerRequest request, ChfProblem problem) {
    request
        .response()
        .setStatusCode(problem.status())
        .putHeader("Content-Type", "application/problem+json")
        .end(ChargingDataResponses.problem(problem).toString());
  }

  private static String location(HttpServerRequest request, String ref) {
    String scheme = request.isSSL() ? "https" : "http";
    String authority = request.authority() == null ? "localhost" : request.authority().toString();
    return scheme + "://" + authority + API + "/" + ref;
  }

  /** Sessions of the CHF are told apart from Diameter ones by their prefix. */
  static String sessionOf(String ref) {
    return "nchf;" + ref;
  }

  /**
   * A create's ChargingDataRef: derived from the consumer, the charging id and the subscriber when
   * the request gives a charging id (a one-time event without one: from its time stamp and sequence
   * number), so that a create sent again (its 201 lost) finds the resource and the answer it
   * already got; random otherwise. A digest, so that no subscriber identity appears in the URI.
   */
  static String referenceOf(ChargingDataRequests.Read read) {
    Optional<String> charging =
        read.chargingId()
            .map(String::valueOf)
            .or(() -> read.event().map(stamp -> "event@" + stamp + "#" + read.sequence()));
    if (charging.isEmpty()) {
      return UUID.randomUUID().toString().replace("-", "");
    }
    String identity = read.consumer() + "|" + charging.get() + "|" + read.subscriber();
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public void close() {
    notifications.close();
    try {
      server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      log.warn("the CHF did not close cleanly: {}", e.toString());
    } finally {
      vertx.close();
    }
  }
}
