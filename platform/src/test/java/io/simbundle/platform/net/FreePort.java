package io.simbundle.platform.net;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP port that nothing listens on right now, for servers started by tests.
 *
 * <p>Ports come from below the kernel's ephemeral range (32768 and up on Linux). A port the kernel
 * handed out for {@code new ServerSocket(0)} is an ephemeral one: in the seconds before the test's
 * server binds it, any outgoing connection (the engine opens dozens to its database) may be given
 * the same port, and the server then cannot listen. Below that range the kernel never picks one.
 * Each JVM starts at a random place in the range and walks on, so test JVMs running at once rarely
 * meet, and a port in use is skipped.
 */
public final class FreePort {

  private static final int LOW = 20_000;
  private static final int HIGH = 32_768;
  private static final AtomicInteger NEXT =
      new AtomicInteger(ThreadLocalRandom.current().nextInt(HIGH - LOW));

  private FreePort() {}

  public static int next() {
    for (int tried = 0; tried < HIGH - LOW; tried++) {
      int port = LOW + Math.floorMod(NEXT.getAndIncrement(), HIGH - LOW);
      if (free(port)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port from " + LOW + " to " + (HIGH - 1));
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return socket.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }
}
