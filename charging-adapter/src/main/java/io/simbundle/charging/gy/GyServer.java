package io.simbundle.charging.gy;

import io.simbundle.charging.gy.guard.PeerGuard;
import io.simbundle.charging.gy.guard.PeerGuardStatus;
import io.simbundle.charging.gy.guard.PeerLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jdiameter.api.Answer;
import org.jdiameter.api.ApplicationId;
import org.jdiameter.api.DisconnectCause;
import org.jdiameter.api.InternalException;
import org.jdiameter.api.LocalAction;
import org.jdiameter.api.Network;
import org.jdiameter.api.NetworkReqListener;
import org.jdiameter.api.Peer;
import org.jdiameter.api.PeerState;
import org.jdiameter.api.PeerTable;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.jdiameter.api.Stack;
import org.jdiameter.client.api.IContainer;
import org.jdiameter.client.api.IMessage;
import org.jdiameter.client.api.controller.IRealm;
import org.jdiameter.client.api.controller.IRealmTable;
import org.jdiameter.server.api.agent.IAgentConfiguration;
import org.jdiameter.server.impl.StackImpl;
import org.jdiameter.server.impl.helpers.XMLConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Diameter server of the Gy interface: a jDiameter stack on TCP that accepts PCEF peers
 * (CER/CEA, DWR/DWA, DPR/DPA are the stack's) and hands every Credit-Control-Request of application
 * 4 to a {@link CreditControlHandler}. Peers reach the stack through a {@link PeerGuard} on the
 * public port: the stack itself listens on loopback only.
 */
public final class GyServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(GyServer.class);

  private static final String LOOPBACK = "127.0.0.1";
  private static final int LOOPBACK_PORT_ATTEMPTS = 3;

  private final Stack stack;
  private final DiameterIdentity identity;
  private final PeerGuard guard;
  private final InetSocketAddress stackAddress;

  private GyServer(
      Stack stack, DiameterIdentity identity, PeerGuard guard, InetSocketAddress stackAddress) {
    this.stack = stack;
    this.identity = identity;
    this.guard = guard;
    this.stackAddress = stackAddress;
  }

  /** A server with the default {@link PeerLimits}. */
  public static GyServer start(DiameterIdentity identity, CreditControlHandler handler) {
    return start(identity, handler, PeerLimits.DEFAULTS);
  }

  /**
   * Starts a server. jDiameter calls the listener on the connection's single reader thread: an
   * answer ready at once is returned there, any other is sent when its future completes, so one
   * connection's requests are decided and committed concurrently.
   */
  public static GyServer start(
      DiameterIdentity identity, CreditControlHandler handler, PeerLimits limits) {
    for (int attempt = 1; ; attempt++) {
      DiameterIdentity loopback =
          new DiameterIdentity(identity.host(), identity.realm(), LOOPBACK, freeLoopbackPort());
      Stack stack;
      try {
        stack = startStack(loopback, handler);
      } catch (IllegalStateException e) {
        // Another process may have taken the port between its choice and the bind.
        if (attempt == LOOPBACK_PORT_ATTEMPTS) {
          throw e;
        }
        continue;
      }
      try {
        InetSocketAddress stackAddress = new InetSocketAddress(LOOPBACK, loopback.port());
        PeerGuard guard =
            PeerGuard.start(
                new InetSocketAddress(identity.address(), identity.port()),
                stackAddress,
                limits,
                identity.host(),
                identity.realm());
        log.info(
            "Gy server {} listening on {}:{}",
            identity.host(),
            identity.address(),
            identity.port());
        return new GyServer(stack, identity, guard, stackAddress);
      } catch (RuntimeException e) {
        stop(stack);
        throw new IllegalStateException("the Gy server did not start: " + e.getMessage(), e);
      }
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port for the Diameter stack", e);
    }
  }

  private static Stack startStack(DiameterIdentity identity, CreditControlHandler handler) {
    Stack stack = new StackImpl();
    try {
      stack.init(
          new XMLConfiguration(
              new ByteArrayInputStream(
                  ServerConfiguration.server(identity).getBytes(StandardCharsets.UTF_8))));
      NetworkReqListener listener =
          request -> {
            CompletableFuture<Answer> answer = handler.answer(request);
            if (answer.isDone() && !answer.isCompletedExceptionally()) {
              return answer.join();
            }
            answer.whenComplete((ready, failure) -> send(stack, request, ready, failure));
            // No answer now: it is sent once the handler is done.
            return null;
          };
      stack
          .unwrap(Network.class)
          .addNetworkReqListener(
              listener, ApplicationId.createByAuthAppId(GyAvp.CREDIT_CONTROL_APPLICATION));
      stack.start();
      return stack;
    } catch (Exception e) {
      destroy(stack);
      throw new IllegalStateException("the Gy server did not start: " + e.getMessage(), e);
    }
  }

  private static void send(Stack stack, Request request, Answer answer, Throwable failure) {
    if (failure != null) {
      log.error("no answer to {}: {}", request.getSessionId(), failure.getMessage(), failure);
      return;
    }
    try {
      ((IContainer) stack).sendMessage((IMessage) answer);
    } catch (Exception e) {
      log.error("answer to {} not sent: {}", request.getSessionId(), e.getMessage(), e);
    }
  }

  /**
   * Sends a Re-Auth-Request for a session to the PCEF holding it, so that it asks for quota again
   * under the subscriber's new profile. Does not wait for the answer.
   */
  public void reAuthorize(String sessionId, String peerHost, String peerRealm) {
    try {
      routeTo(peerHost, peerRealm);
      Session session = stack.getSessionFactory().getNewSession(sessionId);
      Request request =
          session.createRequest(
              GyAvp.RE_AUTH_COMMAND,
              ApplicationId.createByAuthAppId(GyAvp.CREDIT_CONTROL_APPLICATION),
              peerRealm,
              peerHost);
      // RAR is proxiable (RFC 4006 3.3): an agent in front of the PCEF relays it.
      request.setProxiable(true);
      // createRequest adds the Auth-Application-Id already; RFC 4006 3.3 allows exactly one.
      request.getAvps().removeAvp(GyAvp.AUTH_APPLICATION_ID);
      request
          .getAvps()
          .addAvp(GyAvp.AUTH_APPLICATION_ID, GyAvp.CREDIT_CONTROL_APPLICATION, true, false, true);
      request.getAvps().addAvp(GyAvp.RE_AUTH_REQUEST_TYPE, GyAvp.AUTHORIZE_ONLY, true, false);
      session.send(request);
      log.info("Re-Auth-Request sent to {} for session {}", peerHost, sessionId);
    } catch (Exception e) {
      log.warn("Re-Auth-Request to {} for session {} failed", peerHost, sessionId, e);
    }
  }

  /**
   * PCEFs connect as undefined peers, so the stack has no route to their realm: one is added the
   * first time the engine sends them a request.
   */
  private void routeTo(String peerHost, String peerRealm) throws Exception {
    ApplicationId creditControl = ApplicationId.createByAuthAppId(GyAvp.CREDIT_CONTROL_APPLICATION);
    IRealmTable realms =
        ((IContainer) stack).getAssemblerFacility().getComponentInstance(IRealmTable.class);
    synchronized (this) {
      IRealm realm = (IRealm) realms.getRealm(peerRealm, creditControl);
      if (realm == null) {
        realms.addRealm(
            peerRealm,
            creditControl,
            LocalAction.LOCAL,
            (IAgentConfiguration) null,
            true,
            Long.MAX_VALUE,
            new String[] {peerHost});
      } else if (!realm.hasPeerName(peerHost)) {
        realm.addPeerName(peerHost);
      }
    }
  }

  public DiameterIdentity identity() {
    return identity;
  }

  /** Whether the stack is started, and so takes PCEF connections. */
  public boolean listening() {
    try {
      return stack.isActive();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The peers the stack knows (PCEFs connect as undefined peers), with their states; none once the
   * stack is stopped.
   */
  public List<GyPeer> peers() {
    List<GyPeer> peers = new ArrayList<>();
    try {
      for (Peer peer : stack.unwrap(PeerTable.class).getPeerTable()) {
        peers.add(
            new GyPeer(
                peer.getUri().getFQDN(),
                peer.getRealmName(),
                String.valueOf(peer.getState(PeerState.class))));
      }
    } catch (InternalException | RuntimeException e) {
      // A stopped stack drops its peer table (jDiameter then fails with a NullPointerException).
      log.warn("the Diameter peer table cannot be read: {}", e.toString());
      return List.of();
    }
    return peers;
  }

  /**
   * Where the stack itself listens, on loopback behind the guard: for measuring what the guard
   * costs. Peers are never sent there.
   */
  public InetSocketAddress stackAddress() {
    return stackAddress;
  }

  /** The connections on the Diameter port, and what was refused there. */
  public PeerGuardStatus connections() {
    return guard.status();
  }

  @Override
  public void close() {
    // The stack first, so that its DPRs still reach the peers.
    stop(stack);
    guard.close();
  }

  private static void stop(Stack stack) {
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
