package io.simbundle.provisioning.channels.partner;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.simbundle.platform.json.Json;
import io.simbundle.platform.net.FreePort;
import io.simbundle.provisioning.outbox.RequestSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A partner's platform on the loopback that says whether a buyer is new to it, the way a real one
 * would: it checks the engine's signature, knows its users by the keyed digest of their ID number,
 * and signs its answer. It can also refuse (403), answer too late, answer unsigned, or be down.
 */
public final class TestPartnerPlatform implements AutoCloseable {

  /** How the platform behaves for the next requests. */
  public enum Mode {
    ANSWER,
    REFUSE,
    SLOW,
    UNSIGNED
  }

  private final int port;
  private final Clock clock;
  private final Set<String> users = ConcurrentHashMap.newKeySet();
  private final List<JsonNode> asked = new CopyOnWriteArrayList<>();
  private volatile Mode mode = Mode.ANSWER;
  private volatile String secret = "";
  private volatile HttpServer server;

  private TestPartnerPlatform(int port, Clock clock) {
    this.port = port;
    this.clock = clock;
  }

  public static TestPartnerPlatform start(Clock clock) {
    TestPartnerPlatform platform = new TestPartnerPlatform(FreePort.next(), clock);
    platform.up();
    return platform;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port + "/users/check");
  }

  /** The secret the engine issued for this partner. */
  public void trust(String issued) {
    this.secret = issued;
  }

  public String secret() {
    return secret;
  }

  /** A buyer who already uses the partner's app. */
  public void knows(String idNumber) {
    users.add(PartnerUserChecks.buyerKey(secret, idNumber));
  }

  public void behave(Mode next) {
    this.mode = next;
  }

  /** The bodies of the requests it took, in order. */
  public List<JsonNode> asked() {
    return List.copyOf(asked);
  }

  /** Stops answering: connections are refused. */
  public void down() {
    server.stop(0);
  }

  public void up() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/users/check",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String timestamp = exchange.getRequestHeaders().getFirst("X-Simbundle-Timestamp");
          String signature = exchange.getRequestHeaders().getFirst("X-Simbundle-Signature");
          boolean signed =
              RequestSignature.refusal(List.of(secret), timestamp, signature, body, clock.instant())
                  .isEmpty();
          asked.add(Json.mapper().readTree(body));
          if (!signed || mode == Mode.REFUSE) {
            exchange.sendResponseHeaders(403, -1);
            exchange.close();
            return;
          }
          if (mode == Mode.SLOW) {
            try {
              Thread.sleep(3_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          String key = Json.mapper().readTree(body).path("buyerKey").asText();
          String answer = Json.write(Map.of("buyerKey", key, "newUser", !users.contains(key)));
          String answeredAt = String.valueOf(clock.instant().getEpochSecond());
          if (mode != Mode.UNSIGNED) {
            exchange.getResponseHeaders().add("X-Simbundle-Timestamp", answeredAt);
            exchange
                .getResponseHeaders()
                .add("X-Simbundle-Signature", RequestSignature.sign(secret, answeredAt, answer));
          }
          byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          try {
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
          } catch (IOException e) {
            // The engine stopped waiting: a slow answer nobody reads.
          }
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
