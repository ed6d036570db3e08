package io.simbundle.charging;

import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Peer;
import io.simbundle.charging.account.UsageThreshold;
import io.simbundle.charging.cluster.ClusterSettings;
import io.simbundle.charging.cluster.ClusterStatus;
import io.simbundle.charging.cluster.LeaseKeeper;
import io.simbundle.charging.cluster.ShardOwnership;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.CreditControlService;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyPeer;
import io.simbundle.charging.gy.GyRequestListener;
import io.simbundle.charging.gy.GyServer;
import io.simbundle.charging.gy.guard.PeerGuardStatus;
import io.simbundle.charging.nchf.ChfServer;
import io.simbundle.charging.nchf.ChfSettings;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.store.AccountCache;
import io.simbundle.charging.store.ChargingStore;
import io.simbundle.charging.store.Checkpointer;
import io.simbundle.charging.store.DecisionRecords;
import io.simbundle.charging.store.GroupCommitter;
import io.simbundle.charging.store.LeaseTable;
import io.simbundle.charging.store.NotShardOwnerException;
import io.simbundle.charging.store.Shards;
import io.simbundle.charging.store.UsageRecord;
import io.simbundle.charging.usage.ExplainedUsage;
import io.simbundle.platform.database.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charging-adapter's port: the online charging function on Gy, and the small Java API
 * provisioning uses to install or change a subscriber's charging profile and to read balances and
 * usage. It knows nothing of orders.
 */
public final class ChargingFunction implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChargingFunction.class);

  private final ChargingStore store;
  private final CreditControlService creditControl;
  private final GyServer server;

  /** The CHF front door, once asked for: closed with the charging function. */
  private volatile Optional<ChfServer> chf = Optional.empty();

  private final Clock clock;
  private final ScheduledExecutorService sweeper;
  private final ExecutorService workers;
  private final GroupCommitter committer;
  private final Checkpointer checkpointer;
  private final LeaseKeeper leases;
  private final ShardOwnership ownership;
  private final AccountChanges changes;
  private final ChargingHistory history;

  /** Threads that load subscribers from the database, off the Diameter reader threads. */
  private static final int LOADERS = 8;

  /**
   * Journal writers. One gives the largest batches: measured here, four writers sharing the load
   * made batches of two and cost a third of the throughput (docs/BENCHMARKS.md).
   */
  private static final int COMMIT_WRITERS = 1;

  /** How often committed journal rows are folded into the account and usage tables. */
  private static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(1);

  /** Rows of history forgotten per transaction. */
  private static final int HISTORY_CHUNK = 5000;

  /** How often answers older than the duplicate window are forgotten. */
  private static final Duration FORGET_ANSWERS_EVERY = Duration.ofSeconds(10);

  private static ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private ChargingFunction(
      ChargingStore store,
      CreditControlService creditControl,
      GyServer server,
      Clock clock,
      Duration sweepEvery,
      ExecutorService workers,
      GroupCommitter committer,
      Checkpointer checkpointer,
      LeaseKeeper leases,
      ShardOwnership ownership) {
    this.leases = leases;
    this.ownership = ownership;
    this.workers = workers;
    this.committer = committer;
    this.checkpointer = checkpointer;
    this.store = store;
    this.creditControl = creditControl;
    this.server = server;
    this.clock = clock;
    this.changes = new AccountChanges(creditControl, checkpointer, store, this::reauthorize, clock);
    this.history = new ChargingHistory(store, checkpointer);
    this.sweeper = Executors.newSingleThreadScheduledExecutor(daemon("gy-reservation-sweeper"));
    sweeper.scheduleWithFixedDelay(
        this::sweepQuietly, sweepEvery.toMillis(), sweepEvery.toMillis(), TimeUnit.MILLISECONDS);
    sweeper.scheduleWithFixedDelay(
        creditControl::forgetOldAnswers,
        FORGET_ANSWERS_EVERY.toMillis(),
        FORGET_ANSWERS_EVERY.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Migrates the charging tables and starts the Gy server. */
  public static ChargingFunction start(
      Database database, DiameterIdentity identity, ChargingSettings settings, Clock clock) {
    return start(database, identity, settings, clock, GyRequestListener.NONE);
  }

  /**
   * Like {@link #start(Database, DiameterIdentity, ChargingSettings, Clock)}, telling {@code
   * listener} of every request answered.
   */
  public static ChargingFunction start(
      Database database,
      DiameterIdentity identity,
      ChargingSettings settings,
      Clock clock,
      GyRequestListener listener) {
    return start(
        database, identity, settings, clock, listener, ClusterSettings.node(identity.host()));
  }

  /**
   * Starts a node of a cluster on one database: it takes its part of the shards (all of them when
   * it is alone) before the Gy server listens, and keeps them in the background.
   */
  public static ChargingFunction start(
      Database database,
      DiameterIdentity identity,
      ChargingSettings settings,
      Clock clock,
      GyRequestListener listener,
      ClusterSettings cluster) {
    ChargingStore store = ChargingStore.open(database, clock);
    LeaseTable leaseTable = new LeaseTable(database.dataSource());
    ShardOwnership ownership = new ShardOwnership(cluster.nodeId(), leaseTable, cluster.lease());
    Checkpointer checkpointer =
        new Checkpointer(store, ownership, clock, settings.duplicateWindow(), CHECKPOINT_EVERY);
    AccountCache accounts = new AccountCache(checkpointer, ownership);
    GroupCommitter committer =
        new GroupCommitter(store, checkpointer, accounts, ownership, COMMIT_WRITERS, 256);
    ExecutorService workers = Executors.newFixedThreadPool(LOADERS, daemon("gy-loader"));
    LeaseKeeper leases = null;
    try {
      checkpointer.recoverAndStart();
      CreditControlService creditControl =
          new CreditControlService(
              store,
              accounts,
              committer,
              workers,
              identity,
              settings,
              clock,
              listener,
              ownership,
              cluster.lease());
      leases =
          new LeaseKeeper(
              leaseTable,
              ownership,
              cluster,
              store,
              accounts,
              checkpointer,
              creditControl::shardsTaken);
      leases.start(identity.host(), identity.uri());
      GyServer server = GyServer.start(identity, creditControl, settings.peers());
      // Sweep several times per validity period, so a silent session is released soon after Tcc.
      Duration sweepEvery = settings.grants().validity().dividedBy(4);
      return new ChargingFunction(
          store,
          creditControl,
          server,
          clock,
          sweepEvery,
          workers,
          committer,
          checkpointer,
          leases,
          ownership);
    } catch (RuntimeException e) {
      if (leases != null) {
        leases.close();
      }
      workers.shutdownNow();
      committer.close();
      checkpointer.close();
      store.close();
      throw e;
    }
  }

  /** This node's view of the cluster: its shards, the other nodes, lease changes. */
  public ClusterStatus cluster() {
    return leases.status();
  }

  /** Whether this node decides for the subscriber now. */
  public boolean decidesFor(String msisdn) {
    return ownership.epochOf(Shards.of(msisdn)).isPresent();
  }

  /** Requests that arrived while this node was taking their shard and waited for it. */
  public long requestsThatWaitedForATake() {
    return creditControl.requestsThatWaitedForATake();
  }

  /** Requests answered with a redirect or "too busy" since the start. */
  public long sentElsewhere() {
    return creditControl.sentElsewhere();
  }

  /** Reads an account: from memory on the node deciding for it, else as last committed. */
  private <T> Optional<T> read(String msisdn, Function<Account, T> view) {
    try {
      return creditControl.withAccount(msisdn, found -> found.map(view));
    } catch (NotShardOwnerException e) {
      return store.committedAccount(msisdn).map(view);
    }
  }

  /** Whether the Gy server takes PCEF connections. */
  public boolean listening() {
    return server.listening();
  }

  /** The PCEFs connected to Gy, or known from an earlier connection, with their states. */
  public List<GyPeer> peers() {
    return server.peers();
  }

  /** The connections on the Diameter port, and what was refused there since the start. */
  public PeerGuardStatus connections() {
    return server.connections();
  }

  /**
   * Serves the same charging as a 5G CHF ({@code Nchf_ConvergedCharging} v3 over HTTP/2) besides
   * Gy: one set of accounts, one balance per subscriber on both cores.
   */
  public synchronized ChfServer serveNchf(ChfSettings settings) {
    if (chf.isPresent()) {
      throw new IllegalStateException("the CHF is served already");
    }
    ChfServer started = ChfServer.start(settings, creditControl, clock);
    chf = Optional.of(started);
    if (leases != null) {
      // Other nodes send SMFs here, for the shards this node holds.
      leases.advertiseChf(started.apiRoot(identity().address()));
    }
    return started;
  }

  /** A RAR to a PCEF; a ChargingNotifyRequest to an SMF, when the CHF is served. */
  private void reauthorize(AccountChanges.Reauthorization session, boolean abort) {
    Peer peer = session.peer();
    if (!peer.isNchf()) {
      server.reAuthorize(session.sessionId(), peer.host(), peer.realm());
      return;
    }
    chf.ifPresent(
        c ->
            c.notifySmf(
                peer.notifyUri(),
                abort
                    ? ChfServer.Notification.ABORT_CHARGING
                    : ChfServer.Notification.REAUTHORIZATION,
                session.ratingGroups()));
  }

  public DiameterIdentity identity() {
    return server.identity();
  }

  /**
   * Installs a subscriber's profile, or changes it: balances of the same billing cycle and open
   * reservations are kept; a profile of a new cycle starts the allowance and caps afresh (rolling
   * the cycle).
   */
  public void install(ChargingProfile profile) {
    changes.install(profile);
  }

  /**
   * Bars a subscriber's traffic (suspended or terminated by the operator) or lets it again. While
   * barred, credit-control requests are answered 4010 (end user service denied) with no quota and
   * reported usage is still charged; open sessions are re-authorized so PCEFs learn it at once.
   *
   * @return false when the charging function holds no such subscriber
   */
  public boolean bar(String msisdn, boolean barred) {
    return changes.bar(msisdn, barred);
  }

  /**
   * Who hears of the usage thresholds subscribers pass, once each per cycle, after the request that
   * passed it committed. Called on a commit thread: the listener must hand the work off.
   */
  public void onUsageThreshold(Consumer<UsageThreshold> listener) {
    creditControl.onUsageThreshold(listener);
  }

  /** The profile a subscriber is charged by now, as provisioning last installed it. */
  public Optional<ChargingProfile> profile(String msisdn) {
    return read(msisdn, Account::profile);
  }

  public Optional<Balance> balance(String msisdn) {
    return read(msisdn, account -> Balance.of(account, clock.instant()));
  }

  /**
   * Releases the reservations of sessions that went silent past their Tcc (twice the
   * Validity-Time); runs by itself in the background.
   *
   * @return how many sessions lost reservations
   */
  public int releaseExpiredReservations() {
    return changes.releaseExpiredReservations(this::decidesFor);
  }

  private void sweepQuietly() {
    try {
      releaseExpiredReservations();
    } catch (RuntimeException e) {
      log.warn("reservation sweep failed, will retry: {}", e.getMessage());
    }
  }

  /**
   * The partner settlement of a month: zero-rated traffic per partner and privilege, priced with
   * the catalog's sponsored price per GB of the card that carries the privilege.
   */
  public List<PartnerSettlement> settlement(YearMonth month, CatalogVersion catalog) {
    return history.settlement(month, catalog);
  }

  /**
   * Requests answered from an earlier copy's stored answer (retransmissions, also of requests
   * committed before a crash), since the start.
   */
  public long retransmissionsAnswered() {
    return creditControl.retransmissionsAnswered();
  }

  /**
   * Forgets the usage and decision records of days and hours before {@code before}, a short
   * transaction per chunk of rows: what a retention policy no longer wants kept. Settlement and
   * "why was this charged?" answer only for what is left.
   */
  public ForgottenHistory forgetHistoryBefore(Instant before) {
    return history.forgetBefore(before, HISTORY_CHUNK);
  }

  /** Usage per day, rating group and payer: what settlement and reports count. */
  public List<UsageRecord> usage(String msisdn) {
    return history.usage(msisdn);
  }

  /**
   * A page of the decisions taken for a subscriber — grants, debits, refunds and denials, per hour,
   * with the reason and the catalog and rule-set versions stored when they were decided — of the
   * hours before {@code before}, newest first.
   *
   * @param limit how many records a page holds at most; an hour with more comes whole
   */
  public DecisionRecords.Page decisions(String msisdn, Instant before, int limit) {
    return history.decisions(msisdn, before, limit);
  }

  /**
   * The subscriber's usage since {@code from}, per day, service, rating group and reason, each with
   * why it was free or charged as stored when decided; empty when the charging function holds no
   * such subscriber.
   */
  public Optional<List<ExplainedUsage>> explainedUsage(String msisdn, Instant from) {
    return read(msisdn, Account::profile).map(profile -> history.explainedUsage(msisdn, from));
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    chf.ifPresent(ChfServer::close);
    server.close();
    workers.shutdownNow();
    committer.close();
    checkpointer.close();
    leases.close();
    // Given back once everything decided is committed and folded, so other nodes take over now.
    leases.releaseAll();
    store.close();
  }
}
