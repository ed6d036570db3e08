package io.simbundle.charging.gy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jdiameter.api.Configuration;
import org.jdiameter.client.api.fsm.IContext;
import org.jdiameter.common.api.concurrent.IConcurrentFactory;
import org.jdiameter.common.api.statistic.IStatisticManager;

/**
 * jDiameter's peer state machines, made to handle a peer's events one at a time, in the order they
 * were read. Named in the stack's configuration ({@code Extensions/PeerFsmFactory}).
 *
 * <p>jDiameter starts a state machine's worker threads in its constructor, and starts them again
 * when an event arrives before those threads have counted themselves as running — which happens
 * when a capabilities exchange is the first event of a new peer. Two workers then share the peer's
 * queue: the request a PCEF sends the moment it reads the CEA can be handled while the other worker
 * is still between sending that CEA and opening the peer, and is dropped without an answer
 * (GyServerTest shows it, about one new connection in fifty when several connect at once). The
 * state machines here wait in their constructor until their one worker runs.
 */
public final class PeerStateMachines {

  /** How long a new state machine waits for its worker thread to start. */
  private static final long WORKER_START_NANOS = TimeUnit.SECONDS.toNanos(2);

  private PeerStateMachines() {}

  /** For a server stack ({@code org.jdiameter.server.impl.StackImpl}). */
  public static final class ServerFactory extends org.jdiameter.server.impl.fsm.FsmFactoryImpl {
    public ServerFactory(IStatisticManager statistics) {
      super(statistics);
    }

    @Override
    public org.jdiameter.server.api.IStateMachine createInstanceFsm(
        IContext context, IConcurrentFactory threads, Configuration config) {
      return new Server(context, threads, config, statisticFactory);
    }
  }

  /** For a client stack ({@code org.jdiameter.client.impl.StackImpl}). */
  public static final class ClientFactory extends org.jdiameter.client.impl.fsm.FsmFactoryImpl {
    public ClientFactory(IStatisticManager statistics) {
      super(statistics);
    }

    @Override
    public org.jdiameter.client.api.fsm.IStateMachine createInstanceFsm(
        IContext context, IConcurrentFactory threads, Configuration config) {
      return new Client(context, threads, config, statisticFactory);
    }
  }

  private static final class Server extends org.jdiameter.server.impl.fsm.PeerFSMImpl {
    Server(
        IContext context,
        IConcurrentFactory threads,
        Configuration config,
        IStatisticManager statistics) {
      super(context, threads, config, statistics);
      awaitWorker(numberOfThreadsRunning);
    }
  }

  private static final class Client extends org.jdiameter.client.impl.fsm.PeerFSMImpl {
    Client(
        IContext context,
        IConcurrentFactory threads,
        Configuration config,
        IStatisticManager statistics) {
      super(context, threads, config, statistics);
      awaitWorker(numberOfThreadsRunning);
    }
  }

  /**
   * Waits until the worker the constructor started counts itself as running, so that the first
   * event does not start another. Bounded: a worker that never starts leaves jDiameter to start one
   * on the first event, as it would have.
   */
  private static void awaitWorker(AtomicInteger running) {
    long deadline = System.nanoTime() + WORKER_START_NANOS;
    while (running.get() == 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(50));
    }
  }
}
