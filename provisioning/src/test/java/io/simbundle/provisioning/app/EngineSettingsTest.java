package io.simbundle.provisioning.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The CHF is served only when its port is set, and over TLS only with a certificate and key; data
 * is kept as long as the retention settings say, within bounds.
 */
class EngineSettingsTest {

  private static EngineSettings from(Map<String, String> values) {
    return EngineSettings.from(new Settings(new Properties(), Map.of(), values));
  }

  @Test
  void theChfIsServedOnTheLoopbackByDefaultAndNotWhenSwitchedOff() {
    assertThat(from(Map.of()).chf())
        .hasValueSatisfying(chf -> assertThat(chf.port()).isEqualTo(8090));
    assertThat(from(Map.of(EngineSettings.CHF_PORT, "off")).chf()).isEmpty();
  }

  @Test
  void aChfPortServesCleartextOnTheLoopbackByDefault() {
    EngineSettings settings = from(Map.of(EngineSettings.CHF_PORT, "8090"));

    assertThat(settings.chf())
        .hasValueSatisfying(
            chf -> {
              assertThat(chf.host()).isEqualTo("127.0.0.1");
              assertThat(chf.port()).isEqualTo(8090);
              assertThat(chf.certificate()).isEmpty();
            });
  }

  @Test
  void tlsNeedsBothTheCertificateAndTheKey() {
    assertThat(
            from(Map.of(
                    EngineSettings.CHF_PORT, "8443",
                    EngineSettings.CHF_CERTIFICATE, "/etc/simbundle/chf.crt",
                    EngineSettings.CHF_KEY, "/etc/simbundle/chf.key"))
                .chf()
                .orElseThrow()
                .key())
        .contains(Path.of("/etc/simbundle/chf.key"));
    assertThatThrownBy(
            () ->
                from(
                    Map.of(
                        EngineSettings.CHF_PORT, "8443",
                        EngineSettings.CHF_CERTIFICATE, "/etc/simbundle/chf.crt")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("simbundle.chf.port");
    assertThatThrownBy(() -> from(Map.of(EngineSettings.CHF_PORT, "99999")))
        .isInstanceOf(InvalidSettingException.class);
  }

  @Test
  void retentionIsReadInDaysAndRefusesToForgetChargingHistoryStillBeingSettled() {
    RetentionPolicy retention =
        from(Map.of(
                RetentionPolicy.DELIVERED_MESSAGES, "7",
                RetentionPolicy.CHARGING_HISTORY, "800"))
            .provisioning()
            .retention();

    assertThat(retention)
        .isEqualTo(
            new RetentionPolicy(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(800)));
    assertThatThrownBy(() -> from(Map.of(RetentionPolicy.CHARGING_HISTORY, "30")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("simbundle.retention.charging-history-days")
        .hasMessageContaining("at least 62 days");
    assertThatThrownBy(() -> from(Map.of(RetentionPolicy.SMS_RECEIPTS, "0")))
        .isInstanceOf(InvalidSettingException.class)
        .hasMessageContaining("simbundle.retention.sms-receipts-days");
  }
}
