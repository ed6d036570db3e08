package io.simbundle.charging.gy;

import java.util.Objects;

/**
 * A Diameter peer (a PCEF) the Gy server knows, and the state of its connection.
 *
 * @param host its Origin-Host
 * @param realm its Origin-Realm
 * @param state the peer state machine's state (RFC 6733 §5.6): {@code OKAY} when connected, {@code
 *     DOWN} when the connection is gone
 */
public record GyPeer(String host, String realm, String state) {
  public GyPeer {
    Objects.requireNonNull(host);
    Objects.requireNonNull(realm);
    Objects.requireNonNull(state);
  }

  public boolean connected() {
    return "OKAY".equals(state);
  }
}
