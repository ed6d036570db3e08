package io.simbundle.charging.gy;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Grant;
import io.simbundle.charging.account.Usage;
import io.simbundle.charging.store.ChargingStore;
import io.simbundle.charging.store.GroupCommitter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Avp;
import org.jdiameter.api.AvpDataException;
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
  private static final int LOCK_STRIPES = 256;

  private final ChargingStore store;
  private final DiameterIdentity self;
  private final ChargingSettings settings;
  private final Clock clock;
  private final GroupCommitter committer;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();

  /** Requests decided but not yet committed: a retransmission waits for the first answer. */
  private final Map<String, CompletableFuture<CreditControlOutcome>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * The highest CC-Request-Number committed per open session: a higher number cannot be a
   * retransmission, so it needs no look-up of earlier answers in the database.
   */
  private final Map<String, Long> lastCommitted = new ConcurrentHashMap<>();

  private final Object[] locks = new Object[LOCK_STRIPES];

  public CreditControlService(
      ChargingStore store,
      GroupCommitter committer,
      DiameterIdentity self,
      ChargingSettings settings,
      Clock clock) {
    this.store = store;
    this.committer = committer;
    this.self = self;
    this.settings = settings;
    this.clock = clock;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  @Override
  public Answer answer(Request request) {
    return CreditControlAnswers.answer(request, outcome(request), self, settings);
  }

  /** Runs {@code work} on an account with no other request of the same subscriber running. */
  public <T> T withAccount(String msisdn, java.util.function.Function<Optional<Account>, T> work) {
    synchronized (locks[Math.floorMod(msisdn.hashCode(), LOCK_STRIPES)]) {
      try {
        Optional<Account> account =
            Optional.ofNullable(
                accounts.computeIfAbsent(msisdn, m -> store.account(m).orElse(null)));
        return work.apply(account);
      } catch (RuntimeException e) {
        // What is in memory may be ahead of what committed: read it again next time.
        accounts.remove(msisdn);
        throw e;
      }
    }
  }

  /**
   * Stores an account changed outside any request, in order with the requests' writes, and waits
   * until it is committed. Call it under {@link #withAccount}.
   */
  public void save(Account account) {
    committer.submit(account.profile().msisdn(), ChargingStore.accountOnly(account)).join();
  }

  /** Forgets sessions that were cleaned up without a CCR-T. */
  public void forgetSessions(List<String> sessionIds) {
    sessionIds.forEach(lastCommitted::remove);
  }

  private CreditControlOutcome outcome(Request request) {
    AvpSet avps = request.getAvps();
    Optional<Integer> type = integer(avps, GyAvp.CC_REQUEST_TYPE);
    Optional<Long> number = unsigned(avps, GyAvp.CC_REQUEST_NUMBER);
    int typeValue = type.orElse(0);
    long numberValue = number.orElse(0L);
    for (int mandatory :
        new int[] {
          GyAvp.AUTH_APPLICATION_ID,
          GyAvp.SERVICE_CONTEXT_ID,
          GyAvp.CC_REQUEST_TYPE,
          GyAvp.CC_REQUEST_NUMBER
        }) {
      if (avps.getAvp(mandatory) == null) {
        return CreditControlOutcome.error(
            ResultCode.MISSING_AVP, typeValue, numberValue, mandatory);
      }
    }
    if (type.isEmpty() || typeValue < GyAvp.INITIAL_REQUEST || typeValue > GyAvp.EVENT_REQUEST) {
      return CreditControlOutcome.error(
          ResultCode.INVALID_AVP_VALUE, typeValue, numberValue, GyAvp.CC_REQUEST_TYPE);
    }
    if (number.isEmpty()) {
      return CreditControlOutcome.error(
          ResultCode.INVALID_AVP_VALUE, typeValue, numberValue, GyAvp.CC_REQUEST_NUMBER);
    }
    String sessionId = request.getSessionId();
    CompletableFuture<CreditControlOutcome> deciding = inFlight.get(key(sessionId, numberValue));
    if (deciding != null) {
      return deciding.join();
    }
    Long last = lastCommitted.get(sessionId);
    if (last == null || numberValue <= last) {
      Optional<CreditControlOutcome> earlier = store.answered(sessionId, numberValue);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Optional<String> msisdn;
    try {
      msisdn = subscriber(avps);
    } catch (AvpDataException e) {
      return CreditControlOutcome.error(
          ResultCode.INVALID_AVP_VALUE, typeValue, numberValue, GyAvp.SUBSCRIPTION_ID);
    }
    if (msisdn.isEmpty()) {
      return CreditControlOutcome.error(
          ResultCode.MISSING_AVP, typeValue, numberValue, GyAvp.SUBSCRIPTION_ID);
    }
    List<MsccRequest> mscc;
    try {
      mscc = MsccRequest.all(avps);
    } catch (InvalidMsccException e) {
      return CreditControlOutcome.error(e.resultCode(), typeValue, numberValue, e.avpCode());
    }
    try {
      Optional<String> peerHost = identity(avps, GyAvp.ORIGIN_HOST);
      Optional<String> peerRealm = identity(avps, GyAvp.ORIGIN_REALM);
      CompletableFuture<CreditControlOutcome> decided =
          withAccount(
              msisdn.get(),
              account -> {
                if (peerHost.isPresent()
                    && peerRealm.isPresent()
                    && typeValue != GyAvp.EVENT_REQUEST) {
                  account.ifPresent(a -> a.attach(sessionId, peerHost.get(), peerRealm.get()));
                }
                return charge(account, sessionId, typeValue, numberValue, mscc);
              });
      try {
        // The answer leaves only after its effects are committed.
        return decided.join();
      } catch (CompletionException e) {
        accounts.remove(msisdn.get());
        throw e;
      }
    } catch (RuntimeException e) {
      // A concurrent copy of this very request may have won the race to the unique key.
      Optional<CreditControlOutcome> raced = store.answered(sessionId, numberValue);
      if (raced.isPresent()) {
        return raced.get();
      }
      log.error("credit control for session {} failed", sessionId, e);
      return new CreditControlOutcome(
          ResultCode.UNABLE_TO_COMPLY, typeValue, numberValue, Optional.empty(), List.of());
    }
  }

  /** Decides a request under its subscriber's lock; the result completes once committed. */
  private CompletableFuture<CreditControlOutcome> charge(
      Optional<Account> found, String sessionId, int type, long number, List<MsccRequest> mscc) {
    CompletableFuture<CreditControlOutcome> deciding = inFlight.get(key(sessionId, number));
    if (deciding != null) {
      return deciding;
    }
    if (found.isEmpty()) {
      CreditControlOutcome unknown =
          new CreditControlOutcome(
              ResultCode.USER_UNKNOWN, type, number, Optional.empty(), List.of());
      return commit(Optional.empty(), sessionId, number, unknown, List.of());
    }
    Account account = found.get();
    Instant now = clock.instant();
    List<Usage> usage = new ArrayList<>();
    List<MsccOutcome> answers = new ArrayList<>();
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
      if (type == GyAvp.TERMINATION_REQUEST) {
        continue;
      }
      answers.add(grant(account, sessionId, service, now));
    }
    if (type == GyAvp.TERMINATION_REQUEST) {
      account.releaseSession(sessionId);
    }
    CreditControlOutcome outcome =
        new CreditControlOutcome(ResultCode.SUCCESS, type, number, Optional.empty(), answers);
    return commit(Optional.of(account), sessionId, number, outcome, usage);
  }

  private CompletableFuture<CreditControlOutcome> commit(
      Optional<Account> account,
      String sessionId,
      long number,
      CreditControlOutcome outcome,
      List<Usage> usage) {
    String key = key(sessionId, number);
    CompletableFuture<CreditControlOutcome> committed =
        committer
            .submit(
                account.map(a -> a.profile().msisdn()).orElse(sessionId),
                new ChargingStore.Write(account, sessionId, number, outcome, usage))
            .thenApply(done -> outcome);
    inFlight.put(key, committed);
    committed.whenComplete(
        (result, failure) -> {
          if (failure == null) {
            if (outcome.requestType() == GyAvp.TERMINATION_REQUEST) {
              lastCommitted.remove(sessionId);
            } else {
              lastCommitted.merge(sessionId, number, Math::max);
            }
          }
          inFlight.remove(key);
        });
    return committed;
  }

  private static String key(String sessionId, long number) {
    return sessionId + "|" + number;
  }

  private MsccOutcome grant(Account account, String sessionId, MsccRequest service, Instant now) {
    long validity = settings.grants().validity().toSeconds();
    if (!settings.knownRatingGroups().contains(service.ratingGroup())
        && settings.unknownRatingGroups() == ChargingSettings.UnknownRatingGroups.DENY) {
      return new MsccOutcome(
          service.ratingGroup(),
          service.serviceIdentifier(),
          ResultCode.END_USER_SERVICE_DENIED,
          0,
          false,
          validity,
          0);
    }
    Grant grant =
        account.reserve(
            sessionId,
            service.ratingGroup(),
            service.serviceIdentifier(),
            service.requestedBytes(),
            settings.grants(),
            now);
    if (grant.denied()) {
      return new MsccOutcome(
          service.ratingGroup(),
          service.serviceIdentifier(),
          ResultCode.CREDIT_LIMIT_REACHED,
          0,
          true,
          validity,
          0);
    }
    return new MsccOutcome(
        service.ratingGroup(),
        service.serviceIdentifier(),
        ResultCode.SUCCESS,
        grant.bytes(),
        grant.finalUnits(),
        validity,
        grant.bytes() / 5);
  }

  private Optional<String> subscriber(AvpSet avps) throws AvpDataException {
    Optional<String> imsi = Optional.empty();
    for (Avp subscription : avps.getAvps(GyAvp.SUBSCRIPTION_ID)) {
      AvpSet group = subscription.getGrouped();
      Avp idType = group.getAvp(GyAvp.SUBSCRIPTION_ID_TYPE);
      Avp data = group.getAvp(GyAvp.SUBSCRIPTION_ID_DATA);
      if (idType == null || data == null) {
        throw new AvpDataException("incomplete Subscription-Id");
      }
      if (idType.getInteger32() == GyAvp.END_USER_E164) {
        return Optional.of(data.getUTF8String());
      }
      if (idType.getInteger32() == GyAvp.END_USER_IMSI) {
        imsi = Optional.of(data.getUTF8String());
      }
    }
    return imsi.flatMap(store::msisdnOfImsi);
  }

  private static Optional<String> identity(AvpSet avps, int code) {
    try {
      Avp avp = avps.getAvp(code);
      return avp == null ? Optional.empty() : Optional.of(avp.getDiameterIdentity());
    } catch (AvpDataException e) {
      return Optional.empty();
    }
  }

  private static Optional<Integer> integer(AvpSet avps, int code) {
    try {
      Avp avp = avps.getAvp(code);
      return avp == null ? Optional.empty() : Optional.of(avp.getInteger32());
    } catch (AvpDataException e) {
      return Optional.empty();
    }
  }

  private static Optional<Long> unsigned(AvpSet avps, int code) {
    try {
      Avp avp = avps.getAvp(code);
      return avp == null ? Optional.empty() : Optional.of(avp.getUnsigned32());
    } catch (AvpDataException e) {
      return Optional.empty();
    }
  }
}
