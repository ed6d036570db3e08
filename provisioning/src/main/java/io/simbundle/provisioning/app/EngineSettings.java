package io.simbundle.provisioning.app;

import io.simbundle.charging.nchf.ChfSettings;
import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the engine needs to start.
 *
 * @param httpHost the address the HTTP server binds
 * @param httpPort the HTTP server's port
 * @param catalogDirectory an external directory of catalog files, read besides the built-in ones
 * @param database where the data is kept
 * @param rules how the rules run
 * @param security credentials and keys
 * @param gy the Diameter Gy interface of the charging function
 * @param provisioning how orders and subscriptions are kept moving
 * @param chf the 5G CHF (Nchf_ConvergedCharging over HTTP/2), when served
 */
public record EngineSettings(
    String httpHost,
    int httpPort,
    Optional<Path> catalogDirectory,
    DatabaseSettings database,
    RulesSettings rules,
    SecuritySettings security,
    GySettings gy,
    ProvisioningSettings provisioning,
    Optional<ChfSettings> chf) {

  public static final String HTTP_HOST = "simbundle.http.host";
  public static final String CHF_HOST = "simbundle.chf.host";
  public static final String CHF_PORT = "simbundle.chf.port";
  public static final String CHF_CERTIFICATE = "simbundle.chf.tls-certificate";
  public static final String CHF_KEY = "simbundle.chf.tls-key";

  /** An engine without a CHF. */
  public EngineSettings(
      String httpHost,
      int httpPort,
      Optional<Path> catalogDirectory,
      DatabaseSettings database,
      RulesSettings rules,
      SecuritySettings security,
      GySettings gy,
      ProvisioningSettings provisioning) {
    this(
        httpHost,
        httpPort,
        catalogDirectory,
        database,
        rules,
        security,
        gy,
        provisioning,
        Optional.empty());
  }

  public static final String HTTP_PORT = "simbundle.http.port";
  public static final String CATALOG_DIR = "simbundle.catalog.dir";

  public EngineSettings {
    Objects.requireNonNull(httpHost);
    Objects.requireNonNull(catalogDirectory);
    Objects.requireNonNull(database);
    Objects.requireNonNull(rules);
    Objects.requireNonNull(security);
    Objects.requireNonNull(gy);
    Objects.requireNonNull(provisioning);
    Objects.requireNonNull(chf);
    if (httpPort < 1 || httpPort > 65535) {
      throw new InvalidSettingException(HTTP_PORT, String.valueOf(httpPort), "not a TCP port");
    }
  }

  public static EngineSettings from(Settings settings) {
    return new EngineSettings(
        settings.text(HTTP_HOST, "0.0.0.0"),
        settings.integer(HTTP_PORT, 8080),
        settings.path(CATALOG_DIR),
        DatabaseSettings.from(settings),
        RulesSettings.from(settings),
        SecuritySettings.from(settings),
        GySettings.from(settings),
        ProvisioningSettings.from(settings),
        chf(settings));
  }

  /**
   * The CHF is served on port 8090 of the loopback unless told otherwise ({@code off}: not served);
   * with a certificate and key, over TLS.
   */
  private static Optional<ChfSettings> chf(Settings settings) {
    if (settings.text(CHF_PORT, "").equalsIgnoreCase("off")) {
      return Optional.empty();
    }
    int port = settings.integer(CHF_PORT, 8090);
    try {
      return Optional.of(
          new ChfSettings(
              settings.text(CHF_HOST, "127.0.0.1"),
              port,
              settings.path(CHF_CERTIFICATE),
              settings.path(CHF_KEY)));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(CHF_PORT, String.valueOf(port), e.getMessage());
    }
  }

  public AdminCredentials admin() {
    return security.admin();
  }

  public static EngineSettings fromEnvironment() {
    return from(Settings.fromEnvironment(Map.of()));
  }
}
