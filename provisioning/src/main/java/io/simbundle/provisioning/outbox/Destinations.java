package io.simbundle.provisioning.outbox;

import java.util.Optional;

/** Resolves a message's destination to where it is delivered. */
@FunctionalInterface
public interface Destinations {

  /** The endpoint, or empty while none is configured (the message waits). */
  Optional<Endpoint> endpoint(Destination destination);
}
