package io.simbundle.provisioning.channels.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.net.SocketAddress;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Per-address limits count the client, not the load balancer, and nobody can forge past it. */
class ClientAddressTest {

  private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
  private final ClientAddress behindBalancer = new ClientAddress(Set.of("10.0.0.2"));

  @AfterAll
  static void stop() throws Exception {
    CAMEL.close();
  }

  private static Exchange from(String connected, String forwardedFor) {
    Exchange exchange = new DefaultExchange(CAMEL);
    exchange
        .getMessage()
        .setHeader(
            VertxPlatformHttpConstants.REMOTE_ADDRESS,
            SocketAddress.inetSocketAddress(40000, connected));
    if (forwardedFor != null) {
      exchange.getMessage().setHeader("X-Forwarded-For", forwardedFor);
    }
    return exchange;
  }

  @Test
  void aRequestThroughTheTrustedBalancerCountsForTheAddressItForwards() {
    assertThat(behindBalancer.of(from("10.0.0.2", "203.0.113.7"))).isEqualTo("203.0.113.7");
  }

  @Test
  void aForgedHeaderBeforeTheBalancersOwnEntryIsIgnored() {
    assertThat(behindBalancer.of(from("10.0.0.2", "1.2.3.4, 203.0.113.7")))
        .as("the balancer appends the address it saw; what the client wrote comes before")
        .isEqualTo("203.0.113.7");
  }

  @Test
  void aRequestNotThroughATrustedProxyCountsForItsConnectionWhateverItClaims() {
    assertThat(behindBalancer.of(from("198.51.100.9", "203.0.113.7"))).isEqualTo("198.51.100.9");
    assertThat(new ClientAddress(Set.of()).of(from("10.0.0.2", "203.0.113.7")))
        .isEqualTo("10.0.0.2");
  }
}
