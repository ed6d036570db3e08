package io.simbundle.charging.fault;

import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.wire.WireMessage;
import io.simbundle.charging.wire.WirePeer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * A PCEF with Gy connections to every node of a cluster, as one configured with several OCSs: a
 * subscriber's requests go to the node that last answered them; a redirect (3006) is followed to
 * its Redirect-Host; a request left unanswered past Tx (the connection is then dropped) is sent
 * again with the T flag to the next node, and one answered "too busy" (3004) or 5012 goes to the
 * next node, until a final answer comes or the deadline passes. Each subscriber has connections of
 * its own (plain sockets, see {@link WirePeer}), so that the answers read are exactly the engine's.
 */
final class ClusterPcef {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClusterPcef.class);

  static final Duration TX = Duration.ofMillis(1500);
  private static final long SUCCESS = 2001;

  /** A request's fate: its final Result-Code (0 when none came), when, and how many tries. */
  record Outcome(long resultCode, long answeredAtNanos, int attempts) {}

  private final Map<String, Integer> ports = new ConcurrentHashMap<>();
  private final List<String> nodes = new CopyOnWriteArrayList<>();
  final LongAdder sentAgain = new LongAdder();
  final LongAdder redirected = new LongAdder();
  final LongAdder busy = new LongAdder();

  /** Where a node listens now; a restarted node listens on a new port. */
  void node(String nodeId, int port) {
    ports.put(nodeId, port);
    if (!nodes.contains(nodeId)) {
      nodes.add(nodeId);
    }
  }

  /** One subscriber's side: its connections and where its requests went last. */
  final class Subscriber implements AutoCloseable {
    private final String msisdn;
    private final Map<Integer, WirePeer> connections = new HashMap<>();
    private String target;

    Subscriber(String msisdn) {
      this.msisdn = msisdn;
      this.target = nodes.get(Math.floorMod(msisdn.hashCode(), nodes.size()));
    }

    /** Sends one credit-control request until a final answer comes or {@code deadline} passes. */
    Outcome send(String sessionId, int type, int number, long used, Duration deadline) {
      long end = System.nanoTime() + deadline.toNanos();
      int flags = 0;
      int attempts = 0;
      Integer redirectPort = null;
      while (System.nanoTime() < end) {
        attempts++;
        int port = redirectPort != null ? redirectPort : ports.get(target);
        redirectPort = null;
        long code;
        WireMessage answer = null;
        try {
          WirePeer peer = connection(port);
          answer =
              peer.ask(
                  GyAvp.CREDIT_CONTROL_COMMAND,
                  GyAvp.CREDIT_CONTROL_APPLICATION,
                  peer.creditControlRequest(
                      sessionId, type, number, msisdn, 1024 * 1024, type == 1 ? -1 : used),
                  flags);
          code = answer.first(GyAvp.RESULT_CODE).orElseThrow().unsigned32();
        } catch (IOException | RuntimeException e) {
          // No answer within Tx (or no connection): the request may have been committed.
          drop(port);
          code = 0;
        }
        if (code == SUCCESS || (code >= 4000 && code != 5012)) {
          return new Outcome(code, System.nanoTime(), attempts);
        }
        if (attempts % 200 == 0) {
          log.warn(
              "{} try {} of {} #{}: {} from port {}",
              msisdn,
              attempts,
              sessionId,
              number,
              code,
              port);
        }
        if (code == 3006) {
          redirected.increment();
          redirectPort =
              URI.create(answer.first(GyAvp.REDIRECT_HOST).orElseThrow().utf8()).getPort();
          target = nodeAt(redirectPort);
          continue;
        }
        if (code == 3004) {
          busy.increment();
        } else {
          flags = WireMessage.RETRANSMITTED;
          sentAgain.increment();
        }
        target = next(target);
        pause();
      }
      return new Outcome(0, System.nanoTime(), attempts);
    }

    private WirePeer connection(int port) throws IOException {
      WirePeer peer = connections.get(port);
      if (peer == null) {
        peer =
            WirePeer.connect(
                port, "pgw-" + msisdn + ".pcef.simbundle.local", "pcef.simbundle.local", TX);
        connections.put(port, peer);
        WireMessage cea = peer.exchangeCapabilities();
        if (cea.first(GyAvp.RESULT_CODE).orElseThrow().unsigned32() != SUCCESS) {
          drop(port);
          throw new IOException("capabilities exchange refused");
        }
      }
      return peer;
    }

    private void drop(int port) {
      WirePeer peer = connections.remove(port);
      if (peer != null) {
        try {
          peer.close();
        } catch (IOException e) {
          // gone already
        }
      }
    }

    @Override
    public void close() {
      new ArrayList<>(connections.keySet()).forEach(this::drop);
    }
  }

  private String nodeAt(int port) {
    return ports.entrySet().stream()
        .filter(e -> e.getValue() == port)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(nodes.get(0));
  }

  private String next(String node) {
    List<String> all = new ArrayList<>(nodes);
    return all.get((all.indexOf(node) + 1) % all.size());
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
