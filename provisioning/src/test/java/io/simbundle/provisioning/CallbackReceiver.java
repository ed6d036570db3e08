package io.simbundle.provisioning;

import com.sun.net.httpserver.HttpServer;
import io.simbundle.platform.net.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A store's or partner's HTTP endpoint on loopback: answers 503 to the next {@code failures}
 * requests, 200 after, and keeps every request it got.
 */
public final class CallbackReceiver implements AutoCloseable {

  /** One request as received. */
  public record Received(Map<String, List<String>> headers, String body, int answeredWith) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final AtomicInteger failures = new AtomicInteger();
  private final List<Received> received = new CopyOnWriteArrayList<>();

  private CallbackReceiver(HttpServer server) {
    this.server = server;
  }

  public static CallbackReceiver start() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.next()), 0);
      CallbackReceiver receiver = new CallbackReceiver(server);
      server.createContext(
          "/",
          exchange -> {
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = receiver.failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            receiver.received.add(
                new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
          });
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
  }

  /** The next {@code count} requests are answered 503. */
  public void failNext(int count) {
    failures.set(count);
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
