package io.simbundle.provisioning.app;

import io.simbundle.platform.settings.Settings;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;
import io.simbundle.provisioning.privacy.PersonalData;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials and keys.
 *
 * @param admin the credentials admin actions require
 * @param personalDataKey the key (base64) for digests of ID numbers; empty means the one the engine
 *     generated and keeps in its database
 * @param trustedProxies the addresses of the proxies in front of the engine (a load balancer): a
 *     request through one of them is counted for the address its {@code X-Forwarded-For} names
 */
public record SecuritySettings(
    AdminCredentials admin, Optional<String> personalDataKey, Set<String> trustedProxies) {

  public static final String TRUSTED_PROXIES = "simbundle.http.trusted-proxies";

  public SecuritySettings {
    Objects.requireNonNull(admin);
    Objects.requireNonNull(personalDataKey);
    trustedProxies = Set.copyOf(trustedProxies);
  }

  /** No proxy in front: every request is counted for the address it came from. */
  public SecuritySettings(AdminCredentials admin, Optional<String> personalDataKey) {
    this(admin, personalDataKey, Set.of());
  }

  public static SecuritySettings from(Settings settings) {
    return new SecuritySettings(
        AdminCredentials.of(
            settings.text(AdminCredentials.USER, "admin"),
            settings.find(AdminCredentials.PASSWORD)),
        settings.find(PersonalData.KEY_SETTING),
        settings
            .find(TRUSTED_PROXIES)
            .map(
                list ->
                    java.util.Arrays.stream(list.split(","))
                        .map(String::strip)
                        .filter(a -> !a.isEmpty())
                        .collect(java.util.stream.Collectors.toSet()))
            .orElse(Set.of()));
  }

  @Override
  public String toString() {
    return "SecuritySettings[admin="
        + admin
        + ", personalDataKey=***, trustedProxies="
        + trustedProxies
        + "]";
  }
}
