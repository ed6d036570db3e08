package io.simbundle.provisioning.channels.http;

import io.vertx.core.net.SocketAddress;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/**
 * The address a request came from: what per-address limits count. Behind a trusted proxy (a load
 * balancer the operator names), the last address in {@code X-Forwarded-For} that is not itself a
 * trusted proxy; otherwise the connection's, since anyone can write that header.
 */
public final class ClientAddress {

  private final Set<String> trustedProxies;

  public ClientAddress(Set<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  public String of(Exchange exchange) {
    String connected = connected(exchange);
    if (!trustedProxies.contains(connected)) {
      return connected;
    }
    String forwarded = exchange.getMessage().getHeader("X-Forwarded-For", String.class);
    if (forwarded == null || forwarded.isBlank()) {
      return connected;
    }
    List<String> hops = List.of(forwarded.split(","));
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i).strip();
      if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
        return hop;
      }
    }
    return connected;
  }

  private static String connected(Exchange exchange) {
    Object remote = exchange.getMessage().getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
    if (remote instanceof SocketAddress address) {
      return address.hostAddress() == null ? address.host() : address.hostAddress();
    }
    return String.valueOf(remote);
  }
}
