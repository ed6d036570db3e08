package io.simbundle.provisioning.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.json.Json;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.outbox.RequestSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/** The demo's HTTP side: admin calls, a store's signed push, and a subscriber's activation. */
final class EngineClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final URI base;
  private final String authorization;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  EngineClient(URI base, AdminCredentials admin, Clock clock) {
    this.base = base;
    this.authorization =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (admin.user() + ":" + admin.password()).getBytes(StandardCharsets.UTF_8));
    this.clock = clock;
  }

  URI base() {
    return base;
  }

  /** An admin GET that must answer 200. */
  JsonNode get(String path) {
    return expect(200, send(request(path).GET().header("Authorization", authorization)));
  }

  /** An admin POST that must answer {@code status}. */
  JsonNode post(String path, String contentType, String body, int status) {
    return expect(
        status,
        send(
            request(path)
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  /** An admin POST of JSON; the answer's status comes back with the body. */
  HttpResponse<String> postJson(String path, String body) {
    return send(
        request(path)
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** An admin PUT of JSON that must answer 200. */
  JsonNode put(String path, String body) {
    return expect(
        200,
        send(
            request(path)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body))));
  }

  /** A subscriber's POST (no credentials) that must answer {@code status}. */
  JsonNode postAsSubscriber(String path, String body, int status) {
    return expect(
        status,
        send(
            request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))));
  }

  /** A store's order push, signed with its secret as a store signs it. */
  HttpResponse<String> pushOrder(String storeId, String secret, String body) {
    return pushSigned("/api/v1/stores/" + storeId + "/productOrder", secret, body);
  }

  /** A store's request, signed with its secret as a store signs it. */
  HttpResponse<String> pushSigned(String path, String secret, String body) {
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .header("X-Simbundle-Timestamp", timestamp)
            .header("X-Simbundle-Signature", RequestSignature.sign(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.build();
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DemoFailure(
          "no answer from " + built.uri() + " (" + e + "); is the engine running?", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DemoFailure("interrupted", e);
    }
  }

  static JsonNode expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      throw new DemoFailure(
          "%s %s answered %d, not %d: %s"
              .formatted(
                  response.request().method(),
                  response.uri().getPath(),
                  response.statusCode(),
                  status,
                  response.body()));
    }
    return read(response.body());
  }

  static JsonNode read(String body) {
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
