package io.simbundle.provisioning.outbox;

import java.util.Optional;

/** Resolves a message's destination, such as {@code store:yixun} or {@code partner:tencent}. */
@FunctionalInterface
public interface Destinations {

  /** The endpoint, or empty while none is configured (the message waits). */
  Optional<Endpoint> endpoint(String destination);
}
