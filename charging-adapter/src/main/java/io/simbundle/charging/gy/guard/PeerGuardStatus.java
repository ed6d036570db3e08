package io.simbundle.charging.gy.guard;

/**
 * The Diameter port's connections now, and what it refused since the start.
 *
 * @param connections peers connected now
 * @param unopened of those, the ones whose capabilities exchange is not done
 * @param accepted connections accepted since the start
 * @param refused connections closed at once, over {@link PeerLimits#maxConnections} or {@link
 *     PeerLimits#maxUnopened}
 * @param badMessages connections closed for a message of another version or a bad length
 * @param notCapabilitiesExchange connections closed because their first message was not a CER
 * @param timedOut connections closed because they were still unopened at their deadline
 */
public record PeerGuardStatus(
    int connections,
    int unopened,
    long accepted,
    long refused,
    long badMessages,
    long notCapabilitiesExchange,
    long timedOut) {}
