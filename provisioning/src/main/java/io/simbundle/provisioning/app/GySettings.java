package io.simbundle.provisioning.app;

import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.cluster.ClusterSettings;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.ChargingSettings.UnknownRatingGroups;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.guard.PeerLimits;
import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The Gy interface: the charging function's Diameter identity and how it grants.
 *
 * @param identity Origin-Host, Origin-Realm, address and port
 * @param grants grant size and validity
 * @param unknownRatingGroups what to do with rating groups the catalog does not name
 * @param topUpUrl where subscribers who ran out are redirected; empty means terminate
 * @param duplicateWindow how long answers are kept for retransmitted requests
 * @param demoSubscribers whether to install the three demo subscribers (when absent)
 * @param cluster this node's id and lease timings among the charging nodes on the database
 * @param peers what a Diameter peer may make the server hold
 */
public record GySettings(
    DiameterIdentity identity,
    GrantPolicy grants,
    UnknownRatingGroups unknownRatingGroups,
    Optional<String> topUpUrl,
    Duration duplicateWindow,
    boolean demoSubscribers,
    ClusterSettings cluster,
    PeerLimits peers) {

  public static final String HOST = "simbundle.diameter.host";
  public static final String REALM = "simbundle.diameter.realm";
  public static final String ADDRESS = "simbundle.diameter.address";
  public static final String PORT = "simbundle.diameter.port";
  public static final String MAX_GRANT_MB = "simbundle.charging.max-grant-mb";
  public static final String VALIDITY_SECONDS = "simbundle.charging.validity-seconds";
  public static final String UNKNOWN_RATING_GROUPS = "simbundle.charging.unknown-rating-groups";
  public static final String TOP_UP_URL = "simbundle.charging.top-up-url";
  public static final String DUPLICATE_WINDOW_SECONDS =
      "simbundle.charging.duplicate-window-seconds";
  public static final String DEMO_SUBSCRIBERS = "simbundle.demo.subscribers";
  public static final String NODE_ID = "simbundle.node.id";
  public static final String LEASE_MS = "simbundle.cluster.lease-ms";
  public static final String RENEW_MS = "simbundle.cluster.renew-ms";
  public static final String MAX_MESSAGE_BYTES = "simbundle.diameter.max-message-bytes";
  public static final String MAX_CONNECTIONS = "simbundle.diameter.max-connections";
  public static final String MAX_UNOPENED = "simbundle.diameter.max-unopened-connections";
  public static final String CAPABILITIES_TIMEOUT_MS = "simbundle.diameter.cer-timeout-ms";

  public GySettings {
    Objects.requireNonNull(identity);
    Objects.requireNonNull(grants);
    Objects.requireNonNull(unknownRatingGroups);
    Objects.requireNonNull(topUpUrl);
    Objects.requireNonNull(duplicateWindow);
    Objects.requireNonNull(cluster);
    Objects.requireNonNull(peers);
  }

  public static GySettings from(Settings settings) {
    String unknown = settings.text(UNKNOWN_RATING_GROUPS, "CHARGE_AS_DEFAULT");
    UnknownRatingGroups policy;
    try {
      policy = UnknownRatingGroups.valueOf(unknown.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          UNKNOWN_RATING_GROUPS, unknown, "use DENY or CHARGE_AS_DEFAULT");
    }
    DiameterIdentity identity =
        new DiameterIdentity(
            settings.text(HOST, "ocs.simbundle.local"),
            settings.text(REALM, "simbundle.local"),
            settings.text(ADDRESS, "127.0.0.1"),
            settings.integer(PORT, 3868));
    String nodeId = settings.text(NODE_ID, identity.host());
    ClusterSettings cluster;
    try {
      cluster =
          new ClusterSettings(
              nodeId,
              Duration.ofMillis(
                  settings.integer(LEASE_MS, (int) ClusterSettings.DEFAULT_LEASE.toMillis())),
              Duration.ofMillis(
                  settings.integer(
                      RENEW_MS, (int) ClusterSettings.DEFAULT_RENEW_EVERY.toMillis())));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(LEASE_MS, settings.text(LEASE_MS, ""), e.getMessage());
    }
    return new GySettings(
        identity,
        new GrantPolicy(
            settings.integer(MAX_GRANT_MB, 10) * 1024L * 1024L,
            Duration.ofSeconds(settings.integer(VALIDITY_SECONDS, 1800))),
        policy,
        settings.find(TOP_UP_URL),
        Duration.ofSeconds(
            settings.integer(
                DUPLICATE_WINDOW_SECONDS,
                (int) ChargingSettings.DEFAULT_DUPLICATE_WINDOW.toSeconds())),
        Boolean.parseBoolean(settings.text(DEMO_SUBSCRIBERS, "true")),
        cluster,
        peerLimits(settings));
  }

  /** The limits on Diameter peers; a bad value is named by its own key. */
  private static PeerLimits peerLimits(Settings settings) {
    PeerLimits limits = PeerLimits.DEFAULTS;
    limits =
        limit(settings, MAX_MESSAGE_BYTES, limits.maxMessageBytes(), limits::withMaxMessageBytes);
    limits = limit(settings, MAX_CONNECTIONS, limits.maxConnections(), limits::withMaxConnections);
    limits = limit(settings, MAX_UNOPENED, limits.maxUnopened(), limits::withMaxUnopened);
    PeerLimits withConnections = limits;
    return limit(
        settings,
        CAPABILITIES_TIMEOUT_MS,
        (int) limits.capabilitiesTimeout().toMillis(),
        millis -> withConnections.withCapabilitiesTimeout(Duration.ofMillis(millis)));
  }

  private static PeerLimits limit(
      Settings settings, String key, int fallback, IntFunction<PeerLimits> limits) {
    int value = settings.integer(key, fallback);
    try {
      return limits.apply(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(key, Integer.toString(value), e.getMessage());
    }
  }
}
