package io.simbundle.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

  private static Properties properties(String key, String value) {
    Properties properties = new Properties();
    properties.setProperty(key, value);
    return properties;
  }

  @Test
  void systemPropertyWinsOverEnvironmentWhichWinsOverDefault() {
    Map<String, String> env = Map.of("SIMBUNDLE_HTTP_PORT", "9000");
    Map<String, String> defaults = Map.of("simbundle.http.port", "8080");

    assertThat(new Settings(new Properties(), Map.of(), defaults).integer("simbundle.http.port", 1))
        .isEqualTo(8080);
    assertThat(new Settings(new Properties(), env, defaults).integer("simbundle.http.port", 1))
        .isEqualTo(9000);
    assertThat(
            new Settings(properties("simbundle.http.port", "9100"), env, defaults)
                .integer("simbundle.http.port", 1))
        .isEqualTo(9100);
  }

  @Test
  void blankValuesCountAsUnset() {
    Settings settings =
        new Settings(properties("simbundle.db.url", " "), Map.of("SIMBUNDLE_DB_URL", ""), Map.of());

    assertThat(settings.find("simbundle.db.url")).isEmpty();
  }

  @Test
  void invalidNumberNamesTheKeyAndItsEnvironmentVariable() {
    Settings settings =
        new Settings(properties("simbundle.http.port", "eighty"), Map.of(), Map.of());

    assertThatThrownBy(() -> settings.integer("simbundle.http.port", 8080))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("simbundle.http.port")
        .hasMessageContaining("SIMBUNDLE_HTTP_PORT")
        .hasMessageContaining("eighty");
  }
}
