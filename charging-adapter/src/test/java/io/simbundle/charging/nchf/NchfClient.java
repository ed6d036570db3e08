package io.simbundle.charging.nchf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * An SMF's side of Nchf_ConvergedCharging for tests: HTTP/2 with prior knowledge (no upgrade), as
 * SMFs talk to a CHF inside a core, and the request bodies TS 32.291 v3 spells.
 *
 * <p>Every answer of the charging data API is checked against 3GPP's schemas ({@link
 * ThreeGppSchemas}): a ChargingDataResponse for 200 and 201, a RedirectResponse with its Location
 * for 307, a ProblemDetails for an error with a body. So is every request sent by {@link #create},
 * {@link #update} and {@link #release}; a test sending a body the specification forbids does so
 * with {@link #post}.
 */
public final class NchfClient implements AutoCloseable {

  public static final ObjectMapper JSON = new ObjectMapper();

  private final Vertx vertx = Vertx.vertx();

  /**
   * The one event loop all requests are made on. Made from a test's own thread, each request would
   * get a context of its own, and a pooled HTTP/2 connection shared across contexts now and then
   * left a stream unanswered (a few hundred requests in); the CHF answered every one of them to
   * curl and to the JDK's client.
   */
  private final Context context = vertx.getOrCreateContext();

  private final HttpClient client;
  private final int port;

  public NchfClient(int port) {
    this.port = port;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_2)
                .setHttp2ClearTextUpgrade(false)
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port));
  }

  /** An answer: status, Location, body (empty for 204) and the protocol it came over. */
  public record Reply(int status, Optional<String> location, String body, HttpVersion version) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The ChargingDataRef of a create's Location. */
    public String reference() {
      String at = location.orElseThrow();
      return at.substring(at.lastIndexOf('/') + 1);
    }
  }

  public Reply post(String path, String contentType, String body) {
    return exchange(context, client, HttpMethod.POST, port, path, Optional.of(contentType), body);
  }

  Reply get(String path) {
    return exchange(context, client, HttpMethod.GET, port, path, Optional.empty(), "");
  }

  /**
   * One request on {@code client} to 127.0.0.1, made on {@code context}, waiting at most 15 s for
   * the whole answer.
   */
  static Reply exchange(
      Context context,
      HttpClient client,
      HttpMethod method,
      int port,
      String path,
      Optional<String> contentType,
      String body) {
    CompletableFuture<Reply> reply = new CompletableFuture<>();
    context.runOnContext(
        v ->
            client
                .request(method, port, "127.0.0.1", path)
                .compose(
                    request -> {
                      contentType.ifPresent(type -> request.putHeader("Content-Type", type));
                      return request.send(body);
                    })
                .compose(
                    response ->
                        response
                            .body()
                            .map(
                                b ->
                                    new Reply(
                                        response.statusCode(),
                                        Optional.ofNullable(response.getHeader("Location")),
                                        b.toString(),
                                        response.version())))
                .onComplete(
                    done -> {
                      if (done.succeeded()) {
                        reply.complete(done.result());
                      } else {
                        reply.completeExceptionally(done.cause());
                      }
                    }));
    Reply answer;
    try {
      answer = reply.get(15, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed", e);
    }
    if (path.startsWith(ChfServer.API)) {
      conformsToTheSpecification(answer);
    }
    return answer;
  }

  /** A CHF's answer is what TS 32.291 v3 says it may be, or the test fails naming why. */
  private static void conformsToTheSpecification(Reply answer) {
    if (answer.status() == 200 || answer.status() == 201) {
      ThreeGppSchemas.assertValid("ChargingDataResponse", answer.body());
    } else if (answer.status() == 307) {
      ThreeGppSchemas.assertValid("RedirectResponse", answer.body());
      if (answer.location().isEmpty()) {
        throw new AssertionError("a 307 without the Location TS 29.571 requires");
      }
    } else if (answer.status() >= 400 && !answer.body().isEmpty()) {
      ThreeGppSchemas.assertValid("ProblemDetails", answer.body());
    }
  }

  public Reply create(ObjectNode body) {
    return post(ChfServer.API, "application/json", valid(body));
  }

  public Reply update(String ref, ObjectNode body) {
    return post(ChfServer.API + "/" + ref + "/update", "application/json", valid(body));
  }

  public Reply release(String ref, ObjectNode body) {
    return post(ChfServer.API + "/" + ref + "/release", "application/json", valid(body));
  }

  private static String valid(ObjectNode request) {
    String body = request.toString();
    ThreeGppSchemas.assertValid("ChargingDataRequest", body);
    return body;
  }

  /** A ChargingDataRequest of an SMF for a PDU session of the subscriber with this MSISDN. */
  public static ObjectNode request(String msisdn, long chargingId, long sequence) {
    ObjectNode body = consumer(msisdn, sequence, "SMF");
    body.put("notifyUri", "http://127.0.0.1:1/notify");
    ObjectNode pdu = body.putObject("pDUSessionChargingInformation");
    pdu.put("chargingId", chargingId);
    pdu.putObject("userInformation").put("servedGPSI", "msisdn-" + msisdn);
    pdu.putObject("pduSessionInformation").put("pduSessionID", 5).put("dnnId", "cmnet");
    body.putArray("multipleUnitUsage");
    return body;
  }

  /**
   * An SMSF's ChargingDataRequest for an SMS of {@code parts} parts the subscriber sends: a
   * one-time event (IEC) when {@code event}, else the create of a reservation (ECUR).
   */
  public static ObjectNode sms(String msisdn, long sequence, long parts, boolean event) {
    ObjectNode body = consumer(msisdn, sequence, "SMSF");
    if (event) {
      body.put("oneTimeEvent", true);
      body.put("oneTimeEventType", "IEC");
    }
    ObjectNode sms = body.putObject("sMSChargingInformation");
    sms.putObject("originatorInfo").put("originatorGPSI", "msisdn-" + msisdn);
    sms.putArray("recipientInfo").addObject().put("recipientGPSI", "msisdn-8613800138000");
    ObjectNode unit = body.putArray("multipleUnitUsage").addObject().put("ratingGroup", 50);
    if (parts > 0) {
      unit.putObject("requestedUnit").put("serviceSpecificUnits", parts);
    }
    return body;
  }

  /** Adds to an SMS reservation's release the parts delivered. */
  public static ObjectNode delivered(ObjectNode sms, long parts) {
    ObjectNode unit = (ObjectNode) sms.get("multipleUnitUsage").get(0);
    unit.remove("requestedUnit");
    unit.putArray("usedUnitContainer")
        .addObject()
        .put("localSequenceNumber", 1)
        .put("serviceSpecificUnits", parts);
    return sms;
  }

  /**
   * An IMS node's ChargingDataRequest for a call to {@code calledPartyAddress} (a tel or SIP URI):
   * asking {@code askSeconds} (0: none) and reporting {@code talkedSeconds} (0: none).
   */
  public static ObjectNode call(
      String msisdn,
      long chargingId,
      long sequence,
      String calledPartyAddress,
      long askSeconds,
      long talkedSeconds) {
    ObjectNode body = consumer(msisdn, sequence, "IMS_Node");
    body.put("chargingId", chargingId);
    ObjectNode ims = body.putObject("iMSChargingInformation");
    ims.putObject("userInformation").put("servedGPSI", "msisdn-" + msisdn);
    ims.put("calledPartyAddress", calledPartyAddress);
    ObjectNode unit = body.putArray("multipleUnitUsage").addObject().put("ratingGroup", 100);
    if (askSeconds > 0) {
      unit.putObject("requestedUnit").put("time", askSeconds);
    }
    if (talkedSeconds > 0) {
      unit.putArray("usedUnitContainer")
          .addObject()
          .put("localSequenceNumber", 1)
          .put("time", talkedSeconds);
    }
    return body;
  }

  private static ObjectNode consumer(String msisdn, long sequence, String functionality) {
    ObjectNode body = JSON.createObjectNode();
    body.put("subscriberIdentifier", "imsi-46001" + msisdn.substring(msisdn.length() - 10));
    body.putObject("nfConsumerIdentification")
        .put("nFName", "0b6f3a52-9d1e-4c7a-8e25-3f9a6c1d7b40")
        .put("nodeFunctionality", functionality);
    body.put(
        "invocationTimeStamp",
        Instant.parse("2026-11-23T08:00:00Z").plusSeconds(sequence).toString());
    body.put("invocationSequenceNumber", sequence);
    return body;
  }

  /** Adds a rating group asking for {@code askBytes} (0: none) and reporting {@code usedBytes}. */
  public static ObjectNode unit(
      ObjectNode request, long ratingGroup, long askBytes, long usedBytes) {
    ObjectNode unit = ((ArrayNode) request.get("multipleUnitUsage")).addObject();
    unit.put("ratingGroup", ratingGroup);
    unit.put("uPFID", "8f2c4e1a-3b6d-4c9e-a1f0-7d5b2e9c4a30");
    if (askBytes > 0) {
      unit.putObject("requestedUnit").put("totalVolume", askBytes);
    }
    if (usedBytes > 0) {
      unit.putArray("usedUnitContainer")
          .addObject()
          .put("localSequenceNumber", 1)
          .put("quotaManagementIndicator", "ONLINE_CHARGING")
          .put("uplinkVolume", usedBytes / 4)
          .put("downlinkVolume", usedBytes - usedBytes / 4);
    }
    return request;
  }

  @Override
  public void close() {
    client.close();
    vertx.close();
  }
}
