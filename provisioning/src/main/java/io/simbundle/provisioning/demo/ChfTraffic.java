package io.simbundle.provisioning.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.nchf.ChfServer;
import io.simbundle.charging.nchf.ChfSettings;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The WeChat Wo subscriber on a 5G standalone core for a while: an SMF charges a PDU session over
 * Nchf_ConvergedCharging (HTTP/2 with prior knowledge) against the same balance the 4G session used
 * — WeChat still free, and what the 4G session left of the allowance all there is on 5G.
 */
final class ChfTraffic {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MB = GyTraffic.MB;

  private final ChfSettings chf;
  private final Clock clock;
  private final long run;
  private final PrintStream out;

  /**
   * What the 5G session came to.
   *
   * @param weChatBytes WeChat traffic reported, granted without debit
   * @param defaultBytes default traffic reported: what the 4G session left of the allowance
   * @param finalUnits whether that grant carried a finalUnitIndication: the last of the allowance
   */
  record Figures(long weChatBytes, long defaultBytes, boolean finalUnits) {}

  ChfTraffic(ChfSettings chf, Clock clock, long run, PrintStream out) {
    this.chf = chf;
    this.clock = clock;
    this.run = run;
    this.out = out;
  }

  Figures drive(String msisdn) {
    Vertx vertx = Vertx.vertx();
    try {
      Context session = vertx.getOrCreateContext();
      HttpClient smf =
          vertx.createHttpClient(
              new HttpClientOptions()
                  .setProtocolVersion(HttpVersion.HTTP_2)
                  .setHttp2ClearTextUpgrade(false));
      long chargingId = run % 0xFFFF_FFFFL;
      ObjectNode create = request(msisdn, chargingId, 1);
      unit(create, GyTraffic.WECHAT, 10 * MB, 0);
      unit(create, GyTraffic.DEFAULT, 10 * MB, 0);
      Answer created = post(session, smf, ChfServer.API, create);
      if (created.status() != 201) {
        throw new DemoFailure("the CHF answered the create " + created.status());
      }
      String ref = created.location().substring(created.location().lastIndexOf('/') + 1);
      long weChat = granted(created.body(), GyTraffic.WECHAT);
      long rest = granted(created.body(), GyTraffic.DEFAULT);
      boolean last = unitOf(created.body(), GyTraffic.DEFAULT).has("finalUnitIndication");
      line(
          "Nchf create (5G)",
          "HTTP/2 201: WeChat granted %d MB; default traffic %d MB%s",
          weChat / MB,
          rest / MB,
          last
              ? " with finalUnitIndication TERMINATE: what 4G left of the allowance, no more"
              : "");
      ObjectNode release = request(msisdn, chargingId, 2);
      unit(release, GyTraffic.WECHAT, 0, weChat);
      unit(release, GyTraffic.DEFAULT, 0, rest);
      Answer released = post(session, smf, ChfServer.API + "/" + ref + "/release", release);
      line(
          "Nchf release (5G)",
          "HTTP/2 %d: %d MB of WeChat reported, free as on 4G, and %d MB from the allowance",
          released.status(),
          weChat / MB,
          rest / MB);
      return new Figures(weChat, rest, last);
    } finally {
      vertx.close();
    }
  }

  private ObjectNode request(String msisdn, long chargingId, long sequence) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("nfConsumerIdentification").put("nodeFunctionality", "SMF");
    body.put("invocationTimeStamp", clock.instant().toString());
    body.put("invocationSequenceNumber", sequence);
    ObjectNode pdu = body.putObject("pDUSessionChargingInformation");
    pdu.put("chargingId", chargingId);
    pdu.putObject("userInformation").put("servedGPSI", "msisdn-" + msisdn);
    body.putArray("multipleUnitUsage");
    return body;
  }

  private static void unit(ObjectNode request, long ratingGroup, long ask, long used) {
    ObjectNode unit = request.withArray("multipleUnitUsage").addObject();
    unit.put("ratingGroup", ratingGroup);
    if (ask > 0) {
      unit.putObject("requestedUnit").put("totalVolume", ask);
    }
    if (used > 0) {
      unit.putArray("usedUnitContainer")
          .addObject()
          .put("localSequenceNumber", 1)
          .put("totalVolume", used);
    }
  }

  private record Answer(int status, String location, JsonNode body) {}

  /** A request made on the Vert.x context of the session, as all of the session's are. */
  private Answer post(Context session, HttpClient smf, String path, ObjectNode body) {
    String host = "0.0.0.0".equals(chf.host()) ? "127.0.0.1" : chf.host();
    try {
      CompletableFuture<Future<Answer>> made = new CompletableFuture<>();
      session.runOnContext(v -> made.complete(request(smf, host, path, body)));
      return made.get(20, TimeUnit.SECONDS)
          .toCompletionStage()
          .toCompletableFuture()
          .get(20, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new DemoFailure("the CHF at " + host + ":" + chf.port() + " did not answer: " + e);
    }
  }

  private Future<Answer> request(HttpClient smf, String host, String path, ObjectNode body) {
    return smf.request(HttpMethod.POST, chf.port(), host, path)
        .compose(r -> r.putHeader("Content-Type", "application/json").send(body.toString()))
        .compose(
            response ->
                response
                    .body()
                    .map(
                        b -> {
                          try {
                            String location = response.getHeader("Location");
                            return new Answer(
                                response.statusCode(),
                                location == null ? "" : location,
                                b.length() == 0
                                    ? JSON.createObjectNode()
                                    : JSON.readTree(b.toString()));
                          } catch (Exception e) {
                            throw new DemoFailure("the CHF answered what is not JSON");
                          }
                        }));
  }

  private static JsonNode unitOf(JsonNode body, long ratingGroup) {
    for (JsonNode unit : body.path("multipleUnitInformation")) {
      if (unit.path("ratingGroup").asLong() == ratingGroup) {
        return unit;
      }
    }
    return JSON.createObjectNode();
  }

  private static long granted(JsonNode body, long ratingGroup) {
    return unitOf(body, ratingGroup).path("grantedUnit").path("totalVolume").asLong();
  }

  private void line(String what, String format, Object... args) {
    out.printf("  %-22s %s%n", what + ":", format.formatted(args));
  }
}
