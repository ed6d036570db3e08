package io.simbundle.provisioning.app;

import io.simbundle.platform.settings.Settings;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.privacy.PersonalData;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials and keys.
 *
 * @param admin the credentials admin actions require
 * @param personalDataKey the key (base64) for digests of ID numbers; empty means the one the engine
 *     generated and keeps in its database
 */
public record SecuritySettings(AdminCredentials admin, Optional<String> personalDataKey) {

  public SecuritySettings {
    Objects.requireNonNull(admin);
    Objects.requireNonNull(personalDataKey);
  }

  public static SecuritySettings from(Settings settings) {
    return new SecuritySettings(
        AdminCredentials.of(
            settings.text(AdminCredentials.USER, "admin"),
            settings.find(AdminCredentials.PASSWORD)),
        settings.find(PersonalData.KEY_SETTING));
  }

  @Override
  public String toString() {
    return "SecuritySettings[admin=" + admin + ", personalDataKey=***]";
  }
}
