package io.simbundle.provisioning.channels.http;

import io.vertx.core.net.SocketAddress;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpConstants;

/** The address a request came from, as the connection shows it: what per-address limits count. */
public final class ClientAddress {

  private ClientAddress() {}

  public static String of(Exchange exchange) {
    Object remote = exchange.getMessage().getHeader(VertxPlatformHttpConstants.REMOTE_ADDRESS);
    if (remote instanceof SocketAddress address) {
      return address.hostAddress() == null ? address.host() : address.hostAddress();
    }
    return String.valueOf(remote);
  }
}
