package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Decision;
import io.simbundle.charging.account.Reason;
import io.simbundle.charging.account.Source;
import io.simbundle.charging.account.Usage;
import io.simbundle.charging.account.UsageThreshold;
import io.simbundle.charging.cluster.ShardOwnership;
import io.simbundle.charging.store.AccountCache;
import io.simbundle.charging.store.AnsweredRequest;
import io.simbundle.charging.store.ChargingStore;
import io.simbundle.charging.store.GroupCommitter;
import io.simbundle.charging.store.NotShardOwnerException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdiameter.api.Answer;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The online charging function: answers each Credit-Control-Request from the subscriber's account,
 * one Multiple-Services-Credit-Control at a time. The effects of a request are committed to the
 * database before its answer leaves; a retransmission (same Session-Id and CC-Request-Number) gets
 * the stored answer and changes nothing.
 */
public final class CreditControlService implements CreditControlHandler {

  private static final Logger log = LoggerFactory.getLogger(CreditControlService.class);

  private final ChargingStore store;
  private final AccountCache accounts;
  private final DiameterIdentity self;
  private final ChargingSettings settings;
  private final Clock clock;
  private final GroupCommitter committer;
  private final Executor loader;
  private final GyRequestListener listener;

  /** Requests decided but not yet committed: a retransmission waits for the first answer. */
  private final Map<String, CompletableFuture<CreditControlOutcome>> inFlight =
      new ConcurrentHashMap<>();

  private final RecentAnswers answered = new RecentAnswers();
  private final LongAdder retransmissions = new LongAdder();
  private final OtherShards otherShards;
  private volatile Consumer<UsageThreshold> thresholdListener = passed -> {};

  /** How far back the answers of a shard's earlier owner are loaded when the shard is taken. */
  static final Duration TAKEOVER_ANSWERS = Duration.ofSeconds(30);

  public CreditControlService(
      ChargingStore store,
      AccountCache accounts,
      GroupCommitter committer,
      Executor loader,
      DiameterIdentity self,
      ChargingSettings settings,
      Clock clock,
      GyRequestListener listener,
      ShardOwnership ownership,
      Duration redirectCacheTime) {
    this.otherShards = new OtherShards(ownership, self, redirectCacheTime, loader);
    this.loader = loader;
    this.listener = listener;
    this.store = store;
    this.accounts = accounts;
    this.committer = committer;
    this.self = self;
    this.settings = settings;
    this.clock = clock;
    // The answers of the shards this node takes are loaded as it takes them (shardsTaken).
  }

  @Override
  public CompletableFuture<Answer> answer(Request request) {
    long arrived = System.nanoTime();
    return outcome(request)
        .exceptionallyCompose(failure -> otherShards.afterTake(failure, () -> outcome(request)))
        .handle(
            (outcome, failure) -> {
              if (OtherShards.cause(failure) instanceof NotShardOwnerException notOwner) {
                return otherShards
                    .elsewhere(request, notOwner.shard())
                    .thenApply(
                        elsewhere -> {
                          listener.answered(
                              RequestAvps.integer(request.getAvps(), GyAvp.CC_REQUEST_TYPE)
                                  .orElse(0),
                              OtherShards.resultCode(elsewhere),
                              System.nanoTime() - arrived);
                          return elsewhere;
                        });
              }
              CreditControlOutcome decided =
                  failure == null ? outcome : unableToComply(request, failure);
              listener.answered(
                  decided.requestType(), decided.resultCode(), System.nanoTime() - arrived);
              return CompletableFuture.completedFuture(
                  CreditControlAnswers.answer(request, decided, self, settings));
            })
        .thenCompose(Function.identity());
  }

  /**
   * Who hears of usage thresholds passed (80 % and 100 % of the allowance, a free-traffic cap, the
   * SMS or the minutes), once each per cycle, after the request that passed it committed. It is
   * called on the commit thread: it must hand the work off and return.
   */
  public void onUsageThreshold(Consumer<UsageThreshold> listener) {
    this.thresholdListener = listener;
  }

  /** Requests that arrived while this node was taking their shard, and waited for it. */
  public long requestsThatWaitedForATake() {
    return otherShards.waitedForTake();
  }

  /** Requests answered with a redirect or "too busy": their subscriber is another node's. */
  public long sentElsewhere() {
    return otherShards.sentElsewhere();
  }

  /**
   * Learns what the earlier owners of shards this node just took answered last: the requests they
   * answered within {@link #TAKEOVER_ANSWERS} of their last commit. A PCEF sends a request again
   * within its Tx timer (RFC 4006 8: seconds; 10 s by default) of the first try, so older answers
   * are not asked for again; loading the whole duplicate window made a take under load last seconds
   * (docs/BENCHMARKS.md), while requests for the shard were redirected in circles.
   */
  public void shardsTaken(Collection<Integer> shards) {
    Duration window =
        settings.duplicateWindow().compareTo(TAKEOVER_ANSWERS) < 0
            ? settings.duplicateWindow()
            : TAKEOVER_ANSWERS;
    answered.putAll(store.recentAnswers(shards, window), clock.instant());
  }

  /** Runs {@code work} on an account with no other request of the same subscriber running. */
  public <T> T withAccount(String msisdn, Function<Optional<Account>, T> work) {
    return accounts.withAccount(msisdn, work);
  }

  /**
   * Stores an account changed outside any request, in order with the requests' writes. Call it
   * under {@link #withAccount}, and wait for the result after leaving it: a failed commit takes the
   * account's lock to drop it from memory.
   */
  public CompletableFuture<Void> save(Account account) {
    return committer.submit(account.profile().msisdn(), ChargingStore.Write.accountOnly(account));
  }

  /** Requests answered with the answer already given to an earlier copy, since the start. */
  public long retransmissionsAnswered() {
    return retransmissions.sum();
  }

  /** Forgets answers older than the duplicate window. */
  public void forgetOldAnswers() {
    answered.forgetBefore(clock.instant().minus(settings.duplicateWindow()));
  }

  /**
   * Decides a request. Checks, retransmissions and subscribers already in memory are answered on
   * the caller's thread without blocking; a subscriber to load from the database is decided on a
   * worker. The future completes once the request's effects are committed.
   */
  private CompletableFuture<CreditControlOutcome> outcome(Request request) {
    ChargingRequest read;
    try {
      read = GyRequests.read(request);
    } catch (GyRequests.Rejected rejected) {
      return CompletableFuture.completedFuture(rejected.outcome());
    }
    return decide(read);
  }

  /**
   * Decides a credit-control request from any interface: a retransmission gets the answer already
   * given (waiting for it while it commits), a subscriber in memory is decided on the caller's
   * thread without blocking, one to load from the database on a worker. The future completes once
   * the request's effects are committed; it fails with {@link NotShardOwnerException} when another
   * node decides for the subscriber.
   */
  /**
   * Decides a request of another interface than Diameter (Nchf) as {@link #decide} does, waiting
   * for a take of its shard under way. Fails with a {@link NotShardOwnerException} when another
   * node holds the shard: {@link #chfHolding} says where to send the client.
   */
  public CompletableFuture<CreditControlOutcome> decideOwned(ChargingRequest request) {
    return decide(request)
        .exceptionallyCompose(failure -> otherShards.afterTake(failure, () -> decide(request)));
  }

  /** The CHF apiRoot of the live node holding {@code shard}, when another node does. */
  public CompletableFuture<Optional<String>> chfHolding(int shard) {
    return otherShards.chfHolding(shard);
  }

  public CompletableFuture<CreditControlOutcome> decide(ChargingRequest request) {
    String sessionId = request.sessionId();
    CompletableFuture<CreditControlOutcome> deciding =
        inFlight.get(key(sessionId, request.number()));
    if (deciding != null) {
      retransmissions.increment();
      return deciding;
    }
    Optional<CreditControlOutcome> earlier = answered.find(sessionId, request.number());
    if (earlier.isPresent()) {
      retransmissions.increment();
      return CompletableFuture.completedFuture(earlier.get());
    }
    Function<String, CompletableFuture<CreditControlOutcome>> decide =
        msisdn ->
            withAccount(
                msisdn,
                account -> {
                  if (request.type() != GyAvp.EVENT_REQUEST && request.units().isEmpty()) {
                    request
                        .peer()
                        .ifPresent(peer -> account.ifPresent(a -> a.attach(sessionId, peer)));
                  }
                  return charge(
                      account,
                      sessionId,
                      request.type(),
                      request.number(),
                      request.mscc(),
                      request.units());
                });
    Optional<String> msisdn = request.msisdn();
    if (msisdn.isPresent() && accounts.isLoaded(msisdn.get())) {
      try {
        return decide.apply(msisdn.get());
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }
    // Reading the database would block the connection's reader thread.
    return CompletableFuture.supplyAsync(
            () -> {
              String found =
                  msisdn.or(() -> request.imsi().flatMap(store::msisdnOfImsi)).orElse(null);
              return found == null
                  ? unknownSubscriber(sessionId, request.type(), request.number())
                  : decide.apply(found);
            },
            loader)
        .thenCompose(Function.identity());
  }

  private CompletableFuture<CreditControlOutcome> unknownSubscriber(
      String sessionId, int type, long number) {
    return charge(Optional.empty(), sessionId, type, number, List.of(), Optional.empty());
  }

  private static CreditControlOutcome unableToComply(Request request, Throwable failure) {
    log.error("credit control for session {} failed", request.getSessionId(), failure);
    AvpSet avps = request.getAvps();
    return new CreditControlOutcome(
        ResultCode.UNABLE_TO_COMPLY,
        RequestAvps.integer(avps, GyAvp.CC_REQUEST_TYPE).orElse(0),
        RequestAvps.unsigned(avps, GyAvp.CC_REQUEST_NUMBER).orElse(0L),
        Optional.empty(),
        List.of());
  }

  /** Decides a request under its subscriber's lock; the result completes once committed. */
  private CompletableFuture<CreditControlOutcome> charge(
      Optional<Account> found,
      String sessionId,
      int type,
      long number,
      List<MsccRequest> mscc,
      Optional<UnitRequest> units) {
    CompletableFuture<CreditControlOutcome> deciding = inFlight.get(key(sessionId, number));
    if (deciding != null) {
      return deciding;
    }
    Optional<CreditControlOutcome> earlier = answered.find(sessionId, number);
    if (earlier.isPresent()) {
      return CompletableFuture.completedFuture(earlier.get());
    }
    if (found.isEmpty()) {
      CreditControlOutcome unknown =
          new CreditControlOutcome(
              ResultCode.USER_UNKNOWN, type, number, Optional.empty(), List.of());
      return commit(Optional.empty(), sessionId, number, unknown, List.of(), List.of());
    }
    Account account = found.get();
    Instant now = clock.instant();
    List<Usage> usage = new ArrayList<>();
    if (units.isPresent()) {
      units.get().report(account, sessionId);
    }
    for (MsccRequest service : mscc) {
      service
          .usedBytes()
          .ifPresent(
              used ->
                  usage.addAll(
                      account.commit(
                          sessionId,
                          service.ratingGroup(),
                          service.serviceIdentifier(),
                          used,
                          now)));
    }
    // Usage first, into the cycle its grant came from (grants end at the boundary); then the new
    // cycle, if it has begun, and what is decided from it.
    account.rollOver(now);
    if (units.isPresent()) {
      return commit(
          found,
          sessionId,
          number,
          units.get().decide(account, sessionId, number, now, settings),
          List.of(),
          account.newThresholds());
    }
    List<MsccOutcome> answers = new ArrayList<>();
    for (MsccRequest service : mscc) {
      if (type == GyAvp.TERMINATION_REQUEST) {
        continue;
      }
      if (account.barred()) {
        account.deny(Decision.Service.DATA, service.ratingGroup(), Reason.BARRED);
      } else {
        answers.add(DataGrants.grant(settings, account, sessionId, service, now));
      }
    }
    if (type == GyAvp.TERMINATION_REQUEST || account.barred()) {
      account.releaseSession(sessionId);
    }
    // A barred subscriber's usage is still charged above, but no quota is granted (RFC 4006 4010).
    CreditControlOutcome outcome =
        account.barred() && type != GyAvp.TERMINATION_REQUEST
            ? new CreditControlOutcome(
                ResultCode.END_USER_SERVICE_DENIED, type, number, Optional.empty(), List.of())
            : new CreditControlOutcome(ResultCode.SUCCESS, type, number, Optional.empty(), answers);
    return commit(Optional.of(account), sessionId, number, outcome, usage, account.newThresholds());
  }

  private CompletableFuture<CreditControlOutcome> commit(
      Optional<Account> account,
      String sessionId,
      long number,
      CreditControlOutcome outcome,
      List<Usage> usage,
      List<UsageThreshold> thresholds) {
    String key = key(sessionId, number);
    CompletableFuture<CreditControlOutcome> committed =
        committer
            .submit(
                account.map(a -> a.profile().msisdn()).orElse(sessionId),
                new ChargingStore.Write(
                    account,
                    Optional.of(new AnsweredRequest(sessionId, number, outcome)),
                    usage,
                    account.map(Account::newDecisions).orElse(List.of()),
                    clock.instant()))
            .thenApply(done -> outcome);
    inFlight.put(key, committed);
    committed.whenComplete(
        (result, failure) -> {
          if (failure == null) {
            answered.put(sessionId, number, outcome, clock.instant());
            for (Usage used : usage) {
              if (used.source().kind() == Source.Kind.ZERO_RATED) {
                listener.zeroRated(used.source().partnerCode(), used.bytes());
              }
            }
            // Told after the commit that recorded them as told: at most once per cycle.
            thresholds.forEach(thresholdListener);
          }
          inFlight.remove(key);
        });
    return committed;
  }

  private static String key(String sessionId, long number) {
    return sessionId + "|" + number;
  }
}
