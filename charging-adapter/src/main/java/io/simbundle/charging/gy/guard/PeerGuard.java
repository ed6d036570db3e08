package io.simbundle.charging.gy.guard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Diameter port as peers see it: accepts their connections and passes each on to the Diameter
 * stack listening on loopback, one whole message of a bounded length at a time, so that no peer can
 * make the stack hold more than that. Connections that have not completed a capabilities exchange
 * are counted and timed: over the limits, or too slow, they are closed — before the stack gives
 * them a thread of their own, as jDiameter does for every connection it accepts.
 *
 * <p>One thread, non-blocking: each message crosses loopback once more, which costs little next to
 * the stack's own work (docs/BENCHMARKS.md).
 */
public final class PeerGuard implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PeerGuard.class);
  private static final long SELECT_MILLIS = 100;

  /** How long a refused peer's bytes are still read and dropped, so that it reads its answer. */
  private static final long LINGER_NANOS = 2_000_000_000L;

  private final PeerLimits limits;
  private final InetSocketAddress stack;
  private final String host;
  private final String realm;
  private final Selector selector;
  private final ServerSocketChannel listener;
  private final Thread thread;
  private final GuardedConnection.Guard guard = guard();
  private volatile boolean running = true;

  /** In the order they were accepted, which is the order their deadlines come. */
  private final Set<GuardedConnection> unopened = new LinkedHashSet<>();

  /** Refused connections waiting for their peers to close, with when to stop waiting. */
  private final Map<GuardedConnection, Long> lingering = new LinkedHashMap<>();

  private volatile int connections;
  private volatile int unopenedCount;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final Map<GuardedConnection.Ending, AtomicLong> endings =
      new EnumMap<>(GuardedConnection.Ending.class);

  private PeerGuard(
      PeerLimits limits,
      InetSocketAddress stack,
      String host,
      String realm,
      Selector selector,
      ServerSocketChannel listener) {
    this.limits = limits;
    this.stack = stack;
    this.host = host;
    this.realm = realm;
    this.selector = selector;
    this.listener = listener;
    for (GuardedConnection.Ending ending : GuardedConnection.Ending.values()) {
      endings.put(ending, new AtomicLong());
    }
    this.thread = new Thread(this::loop, "gy-peer-guard");
    thread.setDaemon(true);
  }

  /**
   * Listens on {@code address} for peers, passing them on to the stack at {@code stack}.
   *
   * @param host the Origin-Host of answers the guard writes itself (to refused requests)
   * @param realm their Origin-Realm
   */
  public static PeerGuard start(
      InetSocketAddress address,
      InetSocketAddress stack,
      PeerLimits limits,
      String host,
      String realm) {
    try {
      Selector selector = Selector.open();
      ServerSocketChannel listener = ServerSocketChannel.open();
      try {
        listener.bind(address, 256);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
      } catch (IOException e) {
        listener.close();
        selector.close();
        throw e;
      }
      PeerGuard guard = new PeerGuard(limits, stack, host, realm, selector, listener);
      guard.thread.start();
      return guard;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen for Diameter peers on " + address, e);
    }
  }

  /** What the guard holds and has refused since it started. */
  public PeerGuardStatus status() {
    return new PeerGuardStatus(
        connections,
        unopenedCount,
        accepted.get(),
        refused.get(),
        endings.get(GuardedConnection.Ending.BAD_MESSAGE).get(),
        endings.get(GuardedConnection.Ending.NOT_A_CER).get(),
        endings.get(GuardedConnection.Ending.NO_CAPABILITIES_EXCHANGE).get());
  }

  private void loop() {
    while (running) {
      try {
        selector.select(SELECT_MILLIS);
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          handle(key);
        }
        closeSlowPeers();
      } catch (IOException | RuntimeException e) {
        // The guard must outlive any one connection's trouble.
        log.error("Diameter peer guard: {}", e.toString(), e);
      }
    }
    for (SelectionKey key : selector.keys()) {
      if (key.attachment() instanceof GuardedConnection.Side handled) {
        handled.connection().end(GuardedConnection.Ending.GUARD_STOPPED);
      }
    }
    try {
      listener.close();
      selector.close();
    } catch (IOException e) {
      log.debug("closing the Diameter peer guard: {}", e.toString());
    }
  }

  private void handle(SelectionKey key) {
    if (key.isValid() && key.isAcceptable()) {
      accept();
      return;
    }
    if (!(key.attachment() instanceof GuardedConnection.Side handled)) {
      return;
    }
    try {
      handled.ready().ready(key);
    } catch (IOException | CancelledKeyException e) {
      handled.connection().end(GuardedConnection.Ending.PEER_CLOSED);
    }
  }

  private void accept() {
    SocketChannel peer;
    try {
      peer = listener.accept();
    } catch (IOException e) {
      log.warn("accepting a Diameter peer failed: {}", e.toString());
      return;
    }
    if (peer == null) {
      return;
    }
    accepted.incrementAndGet();
    if (connections >= limits.maxConnections() || unopened.size() >= limits.maxUnopened()) {
      refused.incrementAndGet();
      log.debug("Diameter peer connection refused: {} open, {} unopened", connections, unopened);
      close(peer);
      return;
    }
    try {
      GuardedConnection connection =
          new GuardedConnection(
              guard, selector, peer, System.nanoTime() + limits.capabilitiesTimeout().toNanos());
      connections++;
      unopened.add(connection);
      unopenedCount = unopened.size();
    } catch (IOException e) {
      close(peer);
    }
  }

  /** Closes connections still unopened past their deadline, and refused ones still sending. */
  private void closeSlowPeers() {
    long now = System.nanoTime();
    Iterator<Map.Entry<GuardedConnection, Long>> refused = lingering.entrySet().iterator();
    while (refused.hasNext()) {
      Map.Entry<GuardedConnection, Long> connection = refused.next();
      if (now - connection.getValue() < 0) {
        break;
      }
      refused.remove();
      connection.getKey().stopLingering();
    }
    Iterator<GuardedConnection> oldest = unopened.iterator();
    while (oldest.hasNext()) {
      GuardedConnection connection = oldest.next();
      if (now - connection.deadlineNanos() < 0) {
        return;
      }
      oldest.remove();
      connection.end(GuardedConnection.Ending.NO_CAPABILITIES_EXCHANGE);
    }
  }

  /** What every connection asks of the guard: one for all, used on the guard's thread only. */
  private GuardedConnection.Guard guard() {
    return new GuardedConnection.Guard() {
      @Override
      public PeerLimits limits() {
        return limits;
      }

      @Override
      public InetSocketAddress stack() {
        return stack;
      }

      @Override
      public byte[] publicAddress(SocketChannel peer) {
        try {
          InetAddress local = ((InetSocketAddress) peer.getLocalAddress()).getAddress();
          return local instanceof Inet4Address ? local.getAddress() : new byte[] {127, 0, 0, 1};
        } catch (IOException e) {
          return new byte[] {127, 0, 0, 1};
        }
      }

      @Override
      public String host() {
        return host;
      }

      @Override
      public String realm() {
        return realm;
      }

      @Override
      public void opened(GuardedConnection connection) {
        unopened.remove(connection);
        unopenedCount = unopened.size();
      }

      @Override
      public void lingering(GuardedConnection connection) {
        // Not held against the unopened limit any more: it is on its way out.
        unopened.remove(connection);
        unopenedCount = unopened.size();
        lingering.put(connection, System.nanoTime() + LINGER_NANOS);
      }

      @Override
      public void ended(GuardedConnection connection, GuardedConnection.Ending why) {
        connections--;
        lingering.remove(connection);
        unopened.remove(connection);
        unopenedCount = unopened.size();
        endings.get(why).incrementAndGet();
        if (why == GuardedConnection.Ending.BAD_MESSAGE
            || why == GuardedConnection.Ending.NOT_A_CER
            || why == GuardedConnection.Ending.NO_CAPABILITIES_EXCHANGE) {
          log.debug("Diameter peer connection closed: {}", why);
        }
      }
    };
  }

  private static void close(SocketChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // Nothing more to do with it.
    }
  }

  /** Stops taking peers and closes every connection. */
  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
