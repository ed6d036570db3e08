package io.simbundle.charging.gy;

import java.util.Objects;

/**
 * Who a Diameter node is and where it listens.
 *
 * @param host the Origin-Host, e.g. {@code ocs.simbundle.local}
 * @param realm the Origin-Realm, e.g. {@code simbundle.local}
 * @param address the IP address it binds or is reached at
 * @param port its TCP port
 */
public record DiameterIdentity(String host, String realm, String address, int port) {
  public DiameterIdentity {
    Objects.requireNonNull(host);
    Objects.requireNonNull(realm);
    Objects.requireNonNull(address);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("not a TCP port: " + port);
    }
  }

  public String uri() {
    return "aaa://" + host + ":" + port;
  }
}
