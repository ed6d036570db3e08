package io.simbundle.provisioning.demo;

import io.simbundle.provisioning.app.AdminPasswordFile;
import io.simbundle.provisioning.app.EngineSettings;
import io.simbundle.provisioning.channels.rest.admin.AdminCredentials;

/** The admin credentials the demo uses: the configured ones, else those the engine generated. */
final class DemoCredentials {

  private DemoCredentials() {}

  static AdminCredentials of(EngineSettings settings) {
    AdminCredentials configured = settings.security().admin();
    if (!configured.generated()) {
      return configured;
    }
    String password =
        AdminPasswordFile.read(settings)
            .orElseThrow(
                () ->
                    new DemoFailure(
                        "no admin password: set SIMBUNDLE_ADMIN_PASSWORD as for the engine, or"
                            + " start the engine first so that it leaves its generated one in "
                            + AdminPasswordFile.of(settings)));
    return new AdminCredentials(configured.user(), password, true);
  }
}
