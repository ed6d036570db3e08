package io.simbundle.provisioning.app;

import io.simbundle.platform.database.Database;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the engine on the settings of its environment until Ctrl-C or SIGTERM, and says where to
 * reach it.
 */
public final class EngineRunner {

  private EngineRunner() {}

  public static void run() throws InterruptedException {
    AtomicReference<Engine> running = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    // Registered before starting, so that Ctrl-C during start-up still stops the database.
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  Engine engine = running.getAndSet(null);
                  if (engine != null) {
                    System.out.println("simbundle stopping …");
                    engine.close();
                  }
                  stopped.countDown();
                },
                "simbundle-shutdown"));
    // The hook above closes the engine, then its database; the server must not stop before.
    Database.leaveEmbeddedServerStopToClose();
    EngineSettings settings;
    try {
      settings = EngineSettings.fromEnvironment();
      running.set(Engine.start(settings, Clock.systemUTC()));
      AdminPasswordFile.keep(settings);
    } catch (RuntimeException | IOException e) {
      System.err.println("simbundle did not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    String host = "0.0.0.0".equals(settings.httpHost()) ? "localhost" : settings.httpHost();
    System.out.printf(
        "%nsimbundle is running (catalog %s).%n"
            + "  Product catalog: http://%s:%d/tmf-api/productCatalogManagement/v5/productOffering%n"
            + "  Gy (Diameter credit control): %s on %s:%d, realm %s%n"
            + "  Data: %s%n"
            + "  Admin: user '%s', password %s%n"
            + "Press Ctrl-C to stop.%n",
        running.get().catalog().current().version(),
        host,
        settings.httpPort(),
        settings.gy().identity().host(),
        settings.gy().identity().address(),
        settings.gy().identity().port(),
        settings.gy().identity().realm(),
        settings.database().embedded()
            ? settings.database().embeddedDirectory().toAbsolutePath()
            : "external database",
        settings.admin().user(),
        settings.admin().generated()
            ? settings.admin().password()
                + " (generated, also in "
                + AdminPasswordFile.of(settings)
                + "; set SIMBUNDLE_ADMIN_PASSWORD to fix one)"
            : "as configured");
    stopped.await();
  }
}
