package io.simbundle.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.platform.net.FreePort;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.rules.realname.ResidentIdNumber;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Session;

/**
 * Drives a test engine through the steps of a presale over HTTP: inventory, orders, payments,
 * activation. Each buyer it makes up has an ID number of their own.
 */
public final class Presale {

  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String ORDERS = "/tmf-api/productOrdering/v5/productOrder";
  private static final AtomicInteger SERIAL = new AtomicInteger(100);

  private final TestEngine engine;

  public Presale(TestEngine engine) {
    this.engine = engine;
  }

  /** A valid resident ID number of a buyer born on the date, different on every call. */
  public static String newIdNumber(String birthDate) {
    String first17 = "440106" + birthDate + "%03d".formatted(SERIAL.getAndIncrement() % 1000);
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }

  /**
   * A catalog directory holding the demo catalog as a later version whose presale campaigns have
   * only {@code stock} units: a flash sale that sells out.
   */
  public static Path flashSaleCatalog(int stock) {
    return demoCatalogAs("2026.11-flash", "stock: 100000", "stock: " + stock);
  }

  /**
   * A catalog directory holding the demo catalog as a later version, in force from 2 November 2026,
   * with pieces of text replaced: {@code replacements} are pairs, the text and what replaces it.
   * Fails when a piece is not there.
   */
  public static Path demoCatalogAs(String version, String... replacements) {
    try (InputStream demo = Presale.class.getResourceAsStream("/catalog/demo-2026.11.yaml")) {
      String text =
          new String(demo.readAllBytes(), StandardCharsets.UTF_8)
              .replace("version: \"2026.11\"", "version: \"" + version + "\"")
              .replace(
                  "effectiveFrom: 2026-11-01T00:00:00+08:00",
                  "effectiveFrom: 2026-11-02T00:00:00+08:00");
      for (int i = 0; i < replacements.length; i += 2) {
        if (!text.contains(replacements[i])) {
          throw new IllegalArgumentException("the demo catalog has no '" + replacements[i] + "'");
        }
        text = text.replace(replacements[i], replacements[i + 1]);
      }
      Path catalogs = Files.createTempDirectory("catalog-" + version);
      Files.writeString(catalogs.resolve(version + ".yaml"), text);
      return catalogs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Onboards a store with its callback URL and campaigns; returns its signing secret. */
  public String onboardStore(String store, java.net.URI callbackUrl, String... campaigns) {
    HttpResponse<String> onboarded =
        engine.adminPost(
            "/admin/stores",
            """
            {"id": "%s", "name": "%s", "callbackUrl": "%s", "campaigns": %s}
            """
                .formatted(store, store, callbackUrl, codes(campaigns)));
    assertThat(onboarded.statusCode()).as(onboarded.body()).isEqualTo(201);
    return read(onboarded).path("secret").asText();
  }

  /** A store's GET, signed as the store does at {@code at}: over the path and query. */
  public HttpResponse<String> signedGet(String pathAndQuery, String secret, java.time.Instant at) {
    String timestamp = String.valueOf(at.getEpochSecond());
    return engine.send(
        HttpRequest.newBuilder(engine.uri(pathAndQuery))
            .header("X-Simbundle-Timestamp", timestamp)
            .header(
                "X-Simbundle-Signature",
                io.simbundle.provisioning.outbox.RequestSignature.sign(
                    secret, timestamp, pathAndQuery))
            .GET()
            .build());
  }

  /** A store's request, signed as the store does at {@code at}. */
  public HttpResponse<String> signedPost(
      String path, String secret, String body, java.time.Instant at) {
    String timestamp = String.valueOf(at.getEpochSecond());
    return engine.send(
        HttpRequest.newBuilder(engine.uri(path))
            .header("Content-Type", "application/json")
            .header("X-Simbundle-Timestamp", timestamp)
            .header(
                "X-Simbundle-Signature",
                io.simbundle.provisioning.outbox.RequestSignature.sign(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  public static JsonNode read(HttpResponse<String> response) {
    return read(response.body());
  }

  public static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports {@code count} numbers 86186{first…} and as many cards of the province. */
  public void stock(String province, int first, int count) {
    assertThat(importCsv("phoneNumber", numbersCsv(province, first, count)).statusCode())
        .isEqualTo(201);
    assertThat(importCsv("simCard", cardsCsv(province, first, count)).statusCode()).isEqualTo(201);
  }

  /** An inventory file of {@code count} numbers 86186{first…} of the province. */
  public static String numbersCsv(String province, int first, int count) {
    StringBuilder numbers = new StringBuilder("msisdn,province\n");
    for (int i = first; i < first + count; i++) {
      numbers.append(msisdn(i)).append(',').append(province).append('\n');
    }
    return numbers.toString();
  }

  /** An inventory file of {@code count} cards of the province, numbered like the numbers. */
  public static String cardsCsv(String province, int first, int count) {
    StringBuilder cards = new StringBuilder("iccid,imsi,province\n");
    for (int i = first; i < first + count; i++) {
      cards.append(iccid(i)).append(',').append(imsi(i)).append(',').append(province).append('\n');
    }
    return cards.toString();
  }

  public static String msisdn(int i) {
    return "86186%08d".formatted(i);
  }

  public static String iccid(int i) {
    return "898601%014d".formatted(i);
  }

  public static String imsi(int i) {
    return "46001%010d".formatted(i);
  }

  public HttpResponse<String> importCsv(String kind, String csv) {
    return engine.send(
        HttpRequest.newBuilder(engine.uri("/api/v1/inventory/" + kind + "?source=" + kind + ".csv"))
            .header("Content-Type", "text/csv")
            .header("Authorization", TestEngine.adminAuthorization())
            .POST(HttpRequest.BodyPublishers.ofString(csv))
            .build());
  }

  /** An order body; {@code extra} is spliced in at the top level, e.g. a campaign. */
  public static String order(
      String externalId, String idNumber, String product, String payment, String extra) {
    return """
        {"externalId": "%s", "channel": {"id": "yixun"}, "place": {"id": "GD"},
         "buyer": {"name": "张三", "idNumber": "%s", "newToOperator": true},
         "productOrderItem": [{"id": "1", "action": "add", "productOffering": {"id": "%s"}}],
         "payment": %s %s}
        """
        .formatted(externalId, idNumber, product, payment, extra);
  }

  /** A WeChat Wo order paid in full, outside any campaign. */
  public static String weChatWoOrder(String externalId, String idNumber) {
    return order(externalId, idNumber, "wechat-wo", "{\"type\": \"full\"}", "");
  }

  public HttpResponse<String> place(String orderJson) {
    return engine.adminPost(ORDERS, orderJson);
  }

  /** Places an order that must be accepted, and returns it. */
  public JsonNode placeAccepted(String orderJson) {
    HttpResponse<String> response = place(orderJson);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return read(response);
  }

  public HttpResponse<String> pay(String orderId, long amountFen) {
    return engine.adminPost(
        "/tmf-api/paymentManagement/v5/payment",
        """
        {"productOrder": {"id": "%s"}, "amountFen": %d, "reference": "alipay-%s"}
        """
            .formatted(orderId, amountFen, orderId));
  }

  /** Places a WeChat Wo order and pays it: ready for activation. */
  public JsonNode paidWeChatWoOrder(String idNumber) {
    JsonNode order = placeAccepted(weChatWoOrder("paid-" + java.util.UUID.randomUUID(), idNumber));
    HttpResponse<String> paid = pay(order.path("id").asText(), 3600);
    assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    return read(paid).path("productOrder");
  }

  public HttpResponse<String> cancel(String orderId, String reason) {
    return engine.adminPost(
        "/tmf-api/productOrdering/v5/cancelProductOrder",
        """
        {"productOrder": {"id": "%s"}, "cancellationReason": "%s"}
        """
            .formatted(orderId, reason));
  }

  /**
   * One Gy session of a subscriber from a PCEF of its own: an initial request for 5 MB of the
   * rating group, then a termination reporting {@code usedBytes}.
   *
   * @return the Result-Code of the initial answer
   */
  public long browse(String msisdn, long ratingGroup, long usedBytes) {
    Duration timeout = Duration.ofSeconds(10);
    try (PcefSimulator pcef =
        PcefSimulator.connect(
            new DiameterIdentity(
                "pgw-" + SERIAL.getAndIncrement() + ".pcef.simbundle.local",
                "pcef.simbundle.local",
                "127.0.0.1",
                FreePort.next()),
            engine.settings().gy().identity(),
            timeout)) {
      Session session = pcef.newSession();
      // Like a real PCEF, an unanswered request is sent again (T flag) when its Tx timer expires.
      Duration tx = Duration.ofSeconds(5);
      Answer initial =
          pcef.sendRetransmitting(
              session,
              () ->
                  pcef.creditControlRequest(
                      session,
                      GyAvp.INITIAL_REQUEST,
                      0,
                      msisdn,
                      List.of(new Mscc(ratingGroup, 5L * 1024 * 1024, -1))),
              tx,
              3);
      pcef.sendRetransmitting(
          session,
          () ->
              pcef.creditControlRequest(
                  session,
                  GyAvp.TERMINATION_REQUEST,
                  1,
                  msisdn,
                  List.of(new Mscc(ratingGroup, -1, usedBytes))),
          tx,
          3);
      return initial.getResultCode().getUnsigned32();
    } catch (org.jdiameter.api.AvpDataException e) {
      throw new IllegalStateException("answer without a Result-Code", e);
    }
  }

  public HttpResponse<String> activate(
      String orderCodeOrIccid, String name, String idNumber, String... privileges) {
    return engine.post(
        "/api/v1/activation",
        """
        {"orderCodeOrIccid": "%s", "name": "%s", "idNumber": "%s", "chosenPrivileges": %s}
        """
            .formatted(orderCodeOrIccid, name, idNumber, codes(privileges)));
  }

  /**
   * Activates a paid order where codes are required (the engine sends SMS): asks for the code,
   * reads it with {@code codeSentTo} (from the card's number to the code it got) and activates with
   * it.
   */
  public HttpResponse<String> activateWithCode(
      JsonNode order,
      String name,
      String idNumber,
      java.util.function.Function<String, String> codeSentTo,
      String... privileges) {
    String orderId = order.path("id").asText();
    String msisdn = order.path("productOrderItem").get(0).path("product").path("msisdn").asText();
    HttpResponse<String> asked =
        engine.post(
            "/api/v1/activation/code",
            """
            {"orderCodeOrIccid": "%s", "name": "%s", "idNumber": "%s"}
            """
                .formatted(orderId, name, idNumber));
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    return engine.post(
        "/api/v1/activation",
        """
        {"orderCodeOrIccid": "%s", "name": "%s", "idNumber": "%s", "chosenPrivileges": %s,
         "code": "%s"}
        """
            .formatted(orderId, name, idNumber, codes(privileges), codeSentTo.apply(msisdn)));
  }

  public static String codes(String... codes) {
    try {
      return JSON.writeValueAsString(codes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
