package io.simbundle.provisioning.channels.sms;

import io.simbundle.platform.settings.InvalidSettingException;
import io.simbundle.platform.settings.Settings;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMSC the engine sends subscribers' SMS through, over SMPP 3.4 as a transceiver (it submits
 * messages and takes their delivery receipts on one bind).
 *
 * @param host the SMSC's address
 * @param port its SMPP port (2775 by convention)
 * @param systemId the engine's account at the SMSC
 * @param password its password (at most 8 characters in SMPP 3.4)
 * @param systemType the system_type the SMSC expects, often empty
 * @param sourceAddress the number subscribers see the SMS come from, e.g. a service code
 * @param language {@code zh} or {@code en}: the language subscribers' texts are written in
 * @param timeout how long a bind or a submit may take before it counts as failed
 */
public record SmscSettings(
    String host,
    int port,
    String systemId,
    String password,
    String systemType,
    String sourceAddress,
    String language,
    Duration timeout) {

  public static final String HOST = "simbundle.sms.host";
  public static final String PORT = "simbundle.sms.port";
  public static final String SYSTEM_ID = "simbundle.sms.system-id";
  public static final String PASSWORD = "simbundle.sms.password";
  public static final String SYSTEM_TYPE = "simbundle.sms.system-type";
  public static final String SOURCE_ADDRESS = "simbundle.sms.source-address";
  public static final String LANGUAGE = "simbundle.sms.language";
  public static final String TIMEOUT = "simbundle.sms.timeout-seconds";

  public SmscSettings {
    Objects.requireNonNull(host);
    Objects.requireNonNull(systemId);
    Objects.requireNonNull(password);
    Objects.requireNonNull(systemType);
    Objects.requireNonNull(sourceAddress);
    Objects.requireNonNull(language);
    Objects.requireNonNull(timeout);
    if (port < 1 || port > 65535) {
      throw new InvalidSettingException(PORT, String.valueOf(port), "1 to 65535");
    }
    if (systemId.isBlank() || systemId.length() > 15) {
      throw new InvalidSettingException(SYSTEM_ID, systemId, "1 to 15 characters");
    }
    if (password.length() > 8) {
      throw new InvalidSettingException(PASSWORD, "(hidden)", "at most 8 characters");
    }
    if (!language.equals("zh") && !language.equals("en")) {
      throw new InvalidSettingException(LANGUAGE, language, "zh or en");
    }
  }

  /** The SMSC when {@value #HOST} is set; none otherwise (subscribers' messages wait). */
  public static Optional<SmscSettings> from(Settings settings) {
    return settings
        .find(HOST)
        .filter(host -> !host.isBlank())
        .map(
            host ->
                new SmscSettings(
                    host,
                    settings.integer(PORT, 2775),
                    settings.text(SYSTEM_ID, "simbundle"),
                    settings.text(PASSWORD, ""),
                    settings.text(SYSTEM_TYPE, ""),
                    settings.text(SOURCE_ADDRESS, "10655"),
                    settings.text(LANGUAGE, "zh").toLowerCase(Locale.ROOT),
                    Duration.ofSeconds(settings.integer(TIMEOUT, 10))));
  }

  @Override
  public String toString() {
    return "SmscSettings[" + host + ":" + port + ", " + systemId + ", password hidden]";
  }
}
