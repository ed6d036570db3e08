package io.simbundle.provisioning.launcher;

import io.simbundle.provisioning.app.EngineRunner;
import io.simbundle.provisioning.demo.DemoStory;

/**
 * {@code java -jar simbundle.jar}: starts the engine and runs until Ctrl-C or SIGTERM. {@code java
 * -jar simbundle.jar demo} instead tells the demo story to an engine already running. A room of its
 * own, above both: the engine knows nothing of the demo, which is only a client of it.
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length > 0 && "demo".equals(args[0])) {
      // Before any logger exists: logback reads it when it configures itself.
      System.setProperty("simbundle.log.level", "WARN");
      DemoStory.main(args);
      return;
    }
    EngineRunner.run();
  }
}
