package io.simbundle.charging.cluster;

import io.simbundle.charging.store.AccountCache;
import io.simbundle.charging.store.ChargingStore;
import io.simbundle.charging.store.Checkpointer;
import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.Shards;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's shard leases: renews them, takes free and lapsed shards up to its fair part of
 * the live nodes', gives back what is over that part, and — for every shard taken — folds in what
 * its earlier owner committed before the node decides for it. A lease the node cannot renew in time
 * lapses locally first: the node stops deciding for the shard and forgets its accounts.
 *
 * <p>Two threads: {@code gy-lease-renewer} renews, {@code gy-lease-balancer} takes and gives back.
 * A take can take long under load (the fold of what a dead node left, the answers it gave); were it
 * on the renewing thread, the node's other leases would lapse meanwhile, other nodes would take
 * them, and their folds would be as slow — the cascade a benchmark showed (issue 15).
 */
public final class LeaseKeeper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(LeaseKeeper.class);

  /** How long a shard given back is left alone before its lease is released in the database. */
  private static final long RELEASE_GRACE_MILLIS = 100;

  private final LeaseTable table;
  private final ShardOwnership ownership;
  private final ClusterSettings settings;
  private final ChargingStore store;
  private final AccountCache accounts;
  private final Checkpointer checkpointer;
  private final Consumer<Collection<Integer>> acquired;
  private final Thread renewer;
  private final Thread balancer;
  private volatile boolean running = true;

  private final AtomicLong acquisitions = new AtomicLong();
  private final AtomicLong takeovers = new AtomicLong();
  private final AtomicLong losses = new AtomicLong();
  private final AtomicLong releases = new AtomicLong();
  private final AtomicLong lastTakeoverMicros = new AtomicLong(-1);
  private volatile Map<String, LeaseTable.Node> nodes = Map.of();

  /**
   * @param acquired told of the shards taken, after their earlier owners' rows are folded in and
   *     before the node decides for them
   */
  public LeaseKeeper(
      LeaseTable table,
      ShardOwnership ownership,
      ClusterSettings settings,
      ChargingStore store,
      AccountCache accounts,
      Checkpointer checkpointer,
      Consumer<Collection<Integer>> acquired) {
    this.table = table;
    this.ownership = ownership;
    this.settings = settings;
    this.store = store;
    this.accounts = accounts;
    this.checkpointer = checkpointer;
    this.acquired = acquired;
    this.renewer = daemon("gy-lease-renewer", this::renew);
    this.balancer = daemon("gy-lease-balancer", this::balance);
  }

  /**
   * Registers the node, takes back its earlier incarnation's shards and takes its part of the free
   * ones, then keeps them in the background.
   */
  public void start(String diameterHost, String diameterUri) {
    table.register(settings.nodeId(), diameterHost, diameterUri);
    take(table.takeBackFromEarlierIncarnation(settings.nodeId(), settings.lease()));
    renew();
    balance();
    renewer.start();
    balancer.start();
    log.info(
        "charging node {} holds {} of {} shards",
        settings.nodeId(),
        ownership.shards().size(),
        Shards.COUNT);
  }

  /**
   * Renews the leases of the shards held and of those being taken, and stops deciding for any that
   * moved to another node. Never waits for a take: folding in what a dead node left can take long
   * under load, and meanwhile every other lease must go on being renewed.
   */
  private void renew() {
    dropLapsed();
    long renewedAt = System.nanoTime();
    List<Integer> known = new ArrayList<>(ownership.taking().keySet());
    for (int shard = 0; shard < Shards.COUNT; shard++) {
      if (ownership.lastEpochOf(shard).isPresent()) {
        known.add(shard);
      }
    }
    table.renew(settings.nodeId(), known, settings.lease());
    nodes = table.nodes(settings.lease());
    Map<Integer, Long> held = new HashMap<>();
    table.owned(settings.nodeId()).forEach(l -> held.put(l.shard(), l.epoch()));
    long deadline = renewedAt + settings.localValidity().toNanos();
    for (int shard = 0; shard < Shards.COUNT; shard++) {
      OptionalLong epoch = ownership.lastEpochOf(shard);
      if (epoch.isEmpty()) {
        continue;
      }
      if (Long.valueOf(epoch.getAsLong()).equals(held.get(shard))) {
        ownership.hold(shard, epoch.getAsLong(), deadline);
      } else {
        lose(shard, "its lease was not renewed in time");
      }
    }
    Map<Integer, LeaseTable.Node> owners = new HashMap<>();
    for (LeaseTable.Lease lease : table.all()) {
      LeaseTable.Node node = nodes.get(lease.owner());
      if (node != null) {
        owners.put(lease.shard(), node);
      }
    }
    ownership.owners(owners);
  }

  /**
   * Takes this node's fair part of the live nodes' shards (free and lapsed ones, and its own it
   * stopped deciding for), and gives back what is over that part.
   */
  private void balance() {
    long alive = Math.max(1, nodes.values().stream().filter(LeaseTable.Node::alive).count());
    int fairPart = (int) ((Shards.COUNT + alive - 1) / alive);
    Map<Integer, Long> held = new HashMap<>();
    table.owned(settings.nodeId()).forEach(l -> held.put(l.shard(), l.epoch()));
    // Shards the database still has in this node's name but the node stopped deciding for (their
    // lease lapsed here first, or taking them failed half-way): taken again under new epochs.
    Map<Integer, Long> taking = ownership.taking();
    List<Integer> limbo =
        held.keySet().stream()
            .filter(shard -> ownership.lastEpochOf(shard).isEmpty())
            .filter(shard -> !taking.containsKey(shard))
            .toList();
    take(table.retake(settings.nodeId(), limbo, settings.lease()));
    take(table.takeFree(settings.nodeId(), fairPart - held.size(), settings.lease()));
    if (held.size() > fairPart) {
      giveBack(held.keySet().stream().sorted().skip(fairPart).toList());
    }
  }

  private void take(List<LeaseTable.Taken> taken) {
    if (taken.isEmpty()) {
      return;
    }
    Map<Integer, Long> epochs = new HashMap<>();
    for (LeaseTable.Taken t : taken) {
      if (ownership.lastEpochOf(t.shard()).isPresent()) {
        lose(t.shard(), "it was taken again under a new epoch");
      }
      epochs.put(t.shard(), t.epoch());
      // Renewed by the renewer from now on, while what the earlier owner left is folded in.
      ownership.taking(t.shard(), t.epoch());
      if (t.takenFrom() != null && !t.takenFrom().equals(settings.nodeId())) {
        takeovers.incrementAndGet();
        lastTakeoverMicros.set(t.takenAfterMicros());
        log.warn(
            "took shard {} over from {} {} ms after its lease lapsed",
            t.shard(),
            t.takenFrom(),
            t.takenAfterMicros() / 1000);
      }
    }
    try {
      fold(epochs);
    } finally {
      epochs.keySet().forEach(ownership::taken);
    }
  }

  /** Folds in what the earlier owners of shards taken left, then decides for the shards. */
  private void fold(Map<Integer, Long> epochs) {
    long began = System.nanoTime();
    int folded = store.foldUnapplied(epochs, settings.nodeId());
    long foldedAt = System.nanoTime();
    // Nothing from an earlier lease of this node may stand for the latest state now.
    epochs.keySet().forEach(this::forget);
    acquired.accept(epochs.keySet());
    long answersAt = System.nanoTime();
    // Folding may have taken long: the leases are renewed now, and held only if still this node's.
    long renewed = answersAt;
    table.renew(settings.nodeId(), epochs.keySet(), settings.lease());
    long deadline = renewed + settings.localValidity().toNanos();
    for (LeaseTable.Lease lease : table.owned(settings.nodeId())) {
      if (Long.valueOf(lease.epoch()).equals(epochs.get(lease.shard()))) {
        ownership.hold(lease.shard(), lease.epoch(), deadline);
      }
    }
    acquisitions.addAndGet(epochs.size());
    log.info(
        "node {} took {} shard(s), folding in {} journal row(s) left by earlier owners in {} ms,"
            + " their recent answers in {} ms",
        settings.nodeId(),
        epochs.size(),
        folded,
        (foldedAt - began) / 1_000_000,
        (answersAt - foldedAt) / 1_000_000);
  }

  /** Stops deciding for shards over the node's part, then releases them for other nodes. */
  private void giveBack(List<Integer> shards) {
    shards.forEach(this::forget);
    releases.addAndGet(shards.size());
    log.info("node {} gives back {} shard(s) to the nodes that joined", settings.nodeId(), shards);
    try {
      // Writes already queued for these shards commit under the lease still held.
      Thread.sleep(RELEASE_GRACE_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    table.release(settings.nodeId(), shards);
  }

  /** Both rounds call it; one at a time, so that a lapse is lost (and counted) once. */
  private synchronized void dropLapsed() {
    for (int shard = 0; shard < Shards.COUNT; shard++) {
      if (ownership.lapsed(shard)) {
        lose(shard, "its lease lapsed before it could be renewed");
      }
    }
  }

  private void lose(int shard, String why) {
    forget(shard);
    losses.incrementAndGet();
    log.info("node {} no longer decides for shard {}: {}", settings.nodeId(), shard, why);
  }

  /** Stops deciding for a shard and forgets its accounts and its changes not yet folded in. */
  private void forget(int shard) {
    ownership.drop(shard);
    accounts.dropShard(shard);
    checkpointer.forgetShard(shard);
  }

  /** The node's view of the cluster, for health and metrics. */
  /** Tells the other nodes where this one serves SMFs as a CHF: they redirect SMFs there. */
  public void advertiseChf(String apiRoot) {
    table.advertiseChf(settings.nodeId(), apiRoot);
  }

  public ClusterStatus status() {
    List<ClusterStatus.Peer> peers = new ArrayList<>();
    nodes.values().stream()
        .sorted(java.util.Comparator.comparing(LeaseTable.Node::nodeId))
        .forEach(
            n ->
                peers.add(
                    new ClusterStatus.Peer(
                        n.nodeId(), n.diameterUri(), n.alive(), ownership.shardsOf(n.nodeId()))));
    return new ClusterStatus(
        settings.nodeId(),
        ownership.shards(),
        peers,
        acquisitions.get(),
        takeovers.get(),
        losses.get(),
        releases.get(),
        lastTakeoverMicros.get());
  }

  private Thread daemon(String name, Runnable round) {
    Thread thread = new Thread(() -> every(name, round), name);
    thread.setDaemon(true);
    return thread;
  }

  /** Runs a round every renewal period until closed; a failed round is tried again. */
  private void every(String name, Runnable round) {
    while (running) {
      try {
        Thread.sleep(settings.renewEvery().toMillis());
        long began = System.nanoTime();
        round.run();
        long took = (System.nanoTime() - began) / 1_000_000;
        if (took > settings.renewEvery().toMillis()) {
          log.warn("{}: a round took {} ms, longer than the renewal period", name, took);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.warn("{}: shard leases not renewed or balanced, will retry: {}", name, e.getMessage());
        dropLapsed();
      }
    }
  }

  /**
   * Stops renewing and releases the node's shards, so that the others take them at once rather than
   * when the leases lapse.
   */
  @Override
  public void close() {
    running = false;
    for (Thread thread : List.of(renewer, balancer)) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Gives every shard back, lapsed locally or not (nobody else took those still in its name); call
   * once nothing is decided or written any more.
   */
  public synchronized void releaseAll() {
    for (int shard = 0; shard < Shards.COUNT; shard++) {
      ownership.drop(shard);
    }
    try {
      table.releaseAll(settings.nodeId());
    } catch (RuntimeException e) {
      log.warn("shard leases not released, they lapse instead: {}", e.getMessage());
    }
  }
}
