package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where a session's client hears that it must ask again: a PCEF by its Diameter identity
 * (Re-Auth-Request), or an SMF by the {@code notifyUri} it gave over Nchf (ChargingNotifyRequest).
 */
public record Peer(
    String host, String realm, @JsonInclude(JsonInclude.Include.NON_EMPTY) String notifyUri) {

  public Peer {
    // Peers stored before Nchf were all Diameter peers.
    notifyUri = notifyUri == null ? "" : notifyUri;
  }

  /** A Diameter peer. */
  public Peer(String host, String realm) {
    this(host, realm, "");
  }

  /** An SMF, notified at {@code notifyUri}. */
  public static Peer nchf(String notifyUri) {
    return new Peer("", "", notifyUri);
  }

  @JsonIgnore
  public boolean isNchf() {
    return !notifyUri.isEmpty();
  }
}
