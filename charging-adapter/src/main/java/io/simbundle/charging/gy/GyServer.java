package io.simbundle.charging.gy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jdiameter.api.ApplicationId;
import org.jdiameter.api.DisconnectCause;
import org.jdiameter.api.Network;
import org.jdiameter.api.Stack;
import org.jdiameter.server.impl.StackImpl;
import org.jdiameter.server.impl.helpers.XMLConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Diameter server of the Gy interface: a jDiameter stack on TCP that accepts PCEF peers
 * (CER/CEA, DWR/DWA, DPR/DPA are the stack's) and hands every Credit-Control-Request of application
 * 4 to a {@link CreditControlHandler}.
 */
public final class GyServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GyServer.class);

  private final Stack stack;
  private final DiameterIdentity identity;

  private GyServer(Stack stack, DiameterIdentity identity) {
    this.stack = stack;
    this.identity = identity;
  }

  public static GyServer start(DiameterIdentity identity, CreditControlHandler handler) {
    Stack stack = new StackImpl();
    try {
      stack.init(
          new XMLConfiguration(
              new ByteArrayInputStream(
                  ServerConfiguration.server(identity).getBytes(StandardCharsets.UTF_8))));
      stack
          .unwrap(Network.class)
          .addNetworkReqListener(
              handler::answer, ApplicationId.createByAuthAppId(GyAvp.CREDIT_CONTROL_APPLICATION));
      stack.start();
      log.info(
          "Gy server {} listening on {}:{}", identity.host(), identity.address(), identity.port());
      return new GyServer(stack, identity);
    } catch (Exception e) {
      destroy(stack);
      throw new IllegalStateException("the Gy server did not start: " + e.getMessage(), e);
    }
  }

  public DiameterIdentity identity() {
    return identity;
  }

  @Override
  public void close() {
    try {
      stack.stop(5, TimeUnit.SECONDS, DisconnectCause.REBOOTING);
    } catch (Exception e) {
      log.warn("the Gy server did not stop cleanly: {}", e.getMessage());
    }
    destroy(stack);
  }

  private static void destroy(Stack stack) {
    try {
      stack.destroy();
    } catch (RuntimeException e) {
      log.warn("destroying the Diameter stack: {}", e.getMessage());
    }
  }
}
