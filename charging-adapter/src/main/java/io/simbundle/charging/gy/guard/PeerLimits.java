package io.simbundle.charging.gy.guard;

import java.time.Duration;

/**
 * What a Diameter peer may make the engine hold. A connection is <em>unopened</em> until its
 * capabilities exchange succeeded (a CER answered by a CEA with 2001): such connections are few,
 * short-lived and never reach the Diameter stack with more than one whole, bounded message.
 *
 * @param maxMessageBytes the largest message taken from a peer; a longer one is answered 5015
 *     (DIAMETER_INVALID_MESSAGE_LENGTH) and the connection closed. Gy messages are a few kB.
 * @param maxConnections connections at once; more are closed as they are accepted
 * @param maxUnopened unopened connections at once; more are closed as they are accepted
 * @param capabilitiesTimeout how long a connection may stay unopened before it is closed
 */
public record PeerLimits(
    int maxMessageBytes, int maxConnections, int maxUnopened, Duration capabilitiesTimeout) {

  /** The smallest allowed message limit: a CER with a long list of applications fits. */
  public static final int MIN_MESSAGE_BYTES = 4096;

  /** RFC 6733 3: the Message Length field has 24 bits. */
  public static final int MAX_MESSAGE_BYTES = (1 << 24) - 1;

  public static final PeerLimits DEFAULTS =
      new PeerLimits(65_536, 2_000, 64, Duration.ofSeconds(5));

  public PeerLimits {
    if (maxMessageBytes < MIN_MESSAGE_BYTES || maxMessageBytes > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException(
          "the largest Diameter message must be between "
              + MIN_MESSAGE_BYTES
              + " and "
              + MAX_MESSAGE_BYTES
              + " bytes, was "
              + maxMessageBytes);
    }
    if (maxConnections < 1 || maxUnopened < 1 || maxUnopened > maxConnections) {
      throw new IllegalArgumentException(
          "connection limits must be positive, unopened at most all: "
              + maxConnections
              + " connections, "
              + maxUnopened
              + " unopened");
    }
    if (capabilitiesTimeout.isNegative() || capabilitiesTimeout.isZero()) {
      throw new IllegalArgumentException("the capabilities exchange timeout must be positive");
    }
  }

  public PeerLimits withMaxMessageBytes(int bytes) {
    return new PeerLimits(bytes, maxConnections, maxUnopened, capabilitiesTimeout);
  }

  /** Fewer connections than unopened ones allowed lower that limit too. */
  public PeerLimits withMaxConnections(int connections) {
    return new PeerLimits(
        maxMessageBytes, connections, Math.min(connections, maxUnopened), capabilitiesTimeout);
  }

  public PeerLimits withMaxUnopened(int unopened) {
    return new PeerLimits(maxMessageBytes, maxConnections, unopened, capabilitiesTimeout);
  }

  public PeerLimits withCapabilitiesTimeout(Duration timeout) {
    return new PeerLimits(maxMessageBytes, maxConnections, maxUnopened, timeout);
  }
}
