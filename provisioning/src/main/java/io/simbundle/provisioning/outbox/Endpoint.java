package io.simbundle.provisioning.outbox;

import java.net.URI;

/** Where a destination takes its messages, and the secret they are signed with. */
public record Endpoint(URI url, String secret) {

  @Override
  public String toString() {
    return "Endpoint[" + url + ", secret hidden]";
  }
}
