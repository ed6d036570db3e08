package io.simbundle.platform.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * The engine's configuration: one key such as {@code simbundle.db.url} is looked up, in this order,
 * as a JVM system property, as an environment variable ({@code SIMBUNDLE_DB_URL}) and in the
 * defaults given at construction.
 *
 * <p>Environment variables win over defaults but not over {@code -D}, so that a test or a one-off
 * run can always override a deployment's environment.
 */
public final class Settings {

  private final Properties systemProperties;
  private final Map<String, String> environment;
  private final Map<String, String> defaults;

  public Settings(
      Properties systemProperties, Map<String, String> environment, Map<String, String> defaults) {
    this.systemProperties = Objects.requireNonNull(systemProperties);
    this.environment = Map.copyOf(environment);
    this.defaults = Map.copyOf(defaults);
  }

  /** Settings read from this JVM's system properties and environment. */
  public static Settings fromEnvironment(Map<String, String> defaults) {
    return new Settings(System.getProperties(), System.getenv(), defaults);
  }

  /**
   * The environment variable that stands for a key: {@code simbundle.db.url → SIMBUNDLE_DB_URL}.
   */
  public static String environmentName(String key) {
    return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  public Optional<String> find(String key) {
    String value = systemProperties.getProperty(key);
    if (isBlank(value)) {
      value = environment.get(environmentName(key));
    }
    if (isBlank(value)) {
      value = defaults.get(key);
    }
    return isBlank(value) ? Optional.empty() : Optional.of(value.trim());
  }

  public String text(String key, String fallback) {
    return find(key).orElse(fallback);
  }

  public int integer(String key, int fallback) {
    return find(key).map(value -> parseInt(key, value)).orElse(fallback);
  }

  public Optional<Path> path(String key) {
    return find(key).map(Path::of);
  }

  private static int parseInt(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidSettingException(key, value, "not a whole number");
    }
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
