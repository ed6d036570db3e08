package io.simbundle.provisioning.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.simbundle.provisioning.outbox.RequestSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The demo store's callback endpoint on loopback: checks each callback's signature with the store's
 * secret, as a store must, and keeps the kinds of the ones that pass.
 */
final class StoreCallbacks implements AutoCloseable {

  private final HttpServer server;
  private final LinkedBlockingQueue<String> kinds = new LinkedBlockingQueue<>();
  private final Clock clock;
  private volatile String secret = "";

  StoreCallbacks(Clock clock) {
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::receive);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/simbundle");
  }

  void trust(String storeSecret) {
    this.secret = storeSecret;
  }

  private void receive(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String timestamp = exchange.getRequestHeaders().getFirst("X-Simbundle-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Simbundle-Signature");
    boolean genuine =
        RequestSignature.refusal(List.of(secret), timestamp, signature, body, clock.instant())
            .isEmpty();
    if (genuine) {
      kinds.add(exchange.getRequestHeaders().getFirst("X-Simbundle-Kind"));
    }
    exchange.sendResponseHeaders(genuine ? 200 : 401, -1);
    exchange.close();
  }

  /** The kind of the next genuine callback, e.g. {@code order.shipped}. */
  Optional<String> next(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(kinds.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
