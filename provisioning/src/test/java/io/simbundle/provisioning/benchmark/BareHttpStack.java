package io.simbundle.provisioning.benchmark;

import io.simbundle.platform.net.FreePort;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The engine's HTTP stack with nothing behind it — Camel's platform-http on Vert.x, configured as
 * the engine configures it — answering every POST with a small 422 JSON body, as a sold-out store
 * order is answered. A baseline for the flash-sale harness: what the stack alone costs per request
 * on the same machine, in the same run.
 */
final class BareHttpStack implements AutoCloseable {

  static final String PATH = "/api/v1/stores/bare/productOrder";

  private final Main camel = new Main();
  private final int port = FreePort.next();

  BareHttpStack() throws Exception {
    camel.configure().withName("bare").withJmxEnabled(false).withShutdownTimeout(5);
    camel.configure().httpServer().withEnabled(true).withHost("127.0.0.1").withPort(port);
    camel.configure().rest().withComponent("platform-http");
    camel
        .configure()
        .addRoutesBuilder(
            new RouteBuilder() {
              @Override
              public void configure() {
                rest("/api/v1/stores").post("/bare/productOrder").to("direct:bare");
                from("direct:bare")
                    .process(
                        exchange -> {
                          exchange.getIn().getBody(String.class);
                          exchange.getMessage().removeHeaders("*");
                          exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 422);
                          exchange
                              .getMessage()
                              .setHeader(Exchange.CONTENT_TYPE, "application/problem+json");
                          exchange
                              .getMessage()
                              .setBody("{\"status\":422,\"reasons\":[{\"code\":\"SOLD_OUT\"}]}");
                        });
              }
            });
    camel.start();
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    camel.stop();
  }
}
