package io.simbundle.provisioning.app;

import io.simbundle.platform.database.DatabaseSettings;
import io.simbundle.platform.settings.Settings;
import io.simbundle.rules.fact.Policy;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the rules run.
 *
 * @param directory rule files that replace or add to the shipped ones; watched for changes
 * @param cacheDirectory where rule sets compiled at run time are kept for the next start (the
 *     shipped rules come compiled with the build)
 * @param policy the operator's limits (minimum age, active cards per ID number)
 */
public record RulesSettings(
    Optional<Path> directory, Optional<Path> cacheDirectory, Policy policy) {

  public static final String DIRECTORY = "simbundle.rules.dir";
  public static final String CACHE_DIRECTORY = "simbundle.rules.cache-dir";
  public static final String MINIMUM_AGE = "simbundle.rules.minimum-age";
  public static final String MAX_ACTIVE_CARDS = "simbundle.rules.max-active-cards-per-id";

  public RulesSettings {
    Objects.requireNonNull(directory);
    Objects.requireNonNull(cacheDirectory);
    Objects.requireNonNull(policy);
  }

  public static RulesSettings defaults() {
    return new RulesSettings(Optional.empty(), Optional.empty(), Policy.defaults());
  }

  /** Reads {@code simbundle.rules.*}; compiled rules are kept in {@code <data dir>/rules-cache}. */
  public static RulesSettings from(Settings settings) {
    Policy defaults = Policy.defaults();
    return new RulesSettings(
        settings.path(DIRECTORY),
        Optional.of(
            settings
                .path(CACHE_DIRECTORY)
                .orElse(
                    settings
                        .path(DatabaseSettings.DATA_DIR)
                        .orElse(Path.of("data"))
                        .resolve("rules-cache"))),
        new Policy(
            settings.integer(MINIMUM_AGE, defaults.getMinimumAge()),
            settings.integer(MAX_ACTIVE_CARDS, defaults.getMaxActiveCardsPerId())));
  }
}
