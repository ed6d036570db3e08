package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.simbundle.charging.profile.ChargingProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * One subscriber's balances and open reservations, and the charging rules applied to them. For each
 * rating group, in this order:
 *
 * <ol>
 *   <li>a rating group one of the subscriber's privileges excludes is charged normally;
 *   <li>a rating group a privilege zero-rates is granted without debit, up to its monthly cap;
 *   <li>gift buckets that may pay for the rating group, earliest expiry first;
 *   <li>the plan's allowance for the billing cycle;
 *   <li>nothing left: no grant, final units.
 * </ol>
 *
 * <p>Not thread-safe: one account is changed by one thread at a time. The whole state is what the
 * store keeps, so a restart resumes every balance and reservation.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public final class Account {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private ChargingProfile profile;

  /**
   * The data balances: stored flat, beside the profile, as before they had a class of their own.
   */
  @JsonUnwrapped private DataMeters data = new DataMeters();

  private Map<String, Reservation> reservations = new LinkedHashMap<>();
  private SmsMeter sms = new SmsMeter();
  private VoiceMeter voice = new VoiceMeter();

  private ThresholdsTold thresholds = new ThresholdsTold();

  /** Suspended or terminated by the operator: traffic is refused, usage still counted. */
  private boolean barred;

  /** The PCEF (Origin-Host, Origin-Realm) of each session holding quota, for Re-Auth-Requests. */
  private Map<String, Peer> sessionPeers = new LinkedHashMap<>();

  /** What was decided since last asked; goes to the journal with the request, not in the state. */
  @JsonIgnore private final List<Decision> decided = new ArrayList<>();

  private Account() {}

  /**
   * Whether a profile belongs to this account's holder: the same card (IMSI) on the number, or a
   * card not known on either side. Another card is a new holder of a recycled number.
   */
  public boolean holds(ChargingProfile next) {
    return profile.imsi().isEmpty() || next.imsi().isEmpty() || profile.imsi().equals(next.imsi());
  }

  public static Account open(ChargingProfile profile) {
    Account account = new Account();
    account.install(profile);
    return account;
  }

  /**
   * Puts a new or changed profile in force. Balances of the same cycle and open reservations are
   * kept; a gift already held (same code and expiry) keeps what was spent of it. A profile of
   * another card on the number ({@link #holds}) is a new holder of a recycled number: nothing of
   * the old holder's balances, reservations, sessions or bar is kept.
   */
  public void install(ChargingProfile next) {
    if (profile != null && !holds(next)) {
      data = new DataMeters();
      reservations = new LinkedHashMap<>();
      sms = new SmsMeter();
      voice = new VoiceMeter();
      thresholds = new ThresholdsTold();
      barred = false;
      sessionPeers = new LinkedHashMap<>();
      profile = null;
    }

    boolean sameCycle = profile != null && profile.cycleStart().equals(next.cycleStart());
    if (!sameCycle) {
      data.newCycle();
      sms.newCycle();
      voice.newCycle();
      thresholds.newCycle();
    }
    data.install(next);
    profile = next;
  }

  /**
   * Rolls over into the next billing cycle once {@code now} has passed the end of this one — the
   * allowance, caps, SMS and minutes start afresh at the subscriber's own boundary, whether or not
   * provisioning has installed the new cycle's profile yet (when it does, balances are kept).
   *
   * @return whether a new cycle began
   */
  public boolean rollOver(Instant now) {
    boolean rolled = false;
    while (!now.isBefore(profile.cycleEnd())) {
      install(profile.nextCycle());
      rolled = true;
    }
    return rolled;
  }

  /**
   * The usage thresholds passed and not told before this cycle; asking marks them told, in the
   * state stored with the decision that passed them.
   */
  public List<UsageThreshold> newThresholds() {
    return thresholds.passed(
        profile.msisdn(), profile.cycleStart(), ThresholdsTold.gauges(profile, data, sms, voice));
  }

  /** What was decided on this account since last asked, in order; asking empties it. */
  public List<Decision> newDecisions() {
    List<Decision> decisions = List.copyOf(decided);
    decided.clear();
    return decisions;
  }

  /** Notes a refusal decided outside the account's balances: barred, an unknown rating group. */
  public void deny(Decision.Service service, long ratingGroup, Reason reason) {
    decided.add(Decision.of(service, ratingGroup, Decision.Action.DENIAL, reason, 0));
  }

  /** Bars (or lets again) the subscriber's traffic; balances are kept either way. */
  public void bar(boolean barred) {
    this.barred = barred;
  }

  public boolean barred() {
    return barred;
  }

  public ChargingProfile profile() {
    return profile;
  }

  /**
   * Reserves quota for one rating group of a session, replacing what the session held for it.
   *
   * @param requestedBytes the Requested-Service-Unit volume; 0 when none was asked
   */
  public Grant reserve(
      String sessionId,
      long ratingGroup,
      Optional<Long> serviceIdentifier,
      long requestedBytes,
      GrantPolicy policy,
      Instant now) {
    release(key(sessionId, ratingGroup));
    long wanted =
        requestedBytes > 0
            ? Math.min(requestedBytes, policy.maxGrantBytes())
            : policy.maxGrantBytes();
    List<DataMeters.Candidate> candidates =
        data.candidates(profile, ratingGroup, serviceIdentifier, now);
    long availableInAll = 0;
    for (DataMeters.Candidate candidate : candidates) {
      // Saturating: an uncapped zero-rating is "unlimited" (Long.MAX_VALUE).
      availableInAll =
          Math.max(availableInAll, availableInAll + Math.max(0, candidate.available()));
    }
    for (DataMeters.Candidate candidate : candidates) {
      if (candidate.available() <= 0) {
        continue;
      }
      long granted = Math.min(wanted, candidate.available());
      data.hold(candidate.source(), granted);
      reservations.put(
          key(sessionId, ratingGroup),
          new Reservation(
              sessionId,
              ratingGroup,
              candidate.source(),
              granted,
              now.plus(policy.reservationLifetime())));
      decided.add(
          data.decision(
              profile,
              ratingGroup,
              serviceIdentifier,
              candidate.source(),
              Decision.Action.GRANT,
              granted));
      // Unlimited sources report Long.MAX_VALUE and are never the last bit.
      return new Grant(granted, Optional.of(candidate.source()), granted >= availableInAll);
    }
    decided.add(
        Decision.of(Decision.Service.DATA, ratingGroup, Decision.Action.DENIAL, Reason.USED_UP, 0));
    return Grant.nothingLeft();
  }

  /**
   * Debits what a session used of one rating group from the source its reservation came from and
   * releases the rest of the reservation. Use beyond what that source had left falls to the next
   * sources in charging order, and finally to the allowance even beyond zero: traffic that went
   * through is always accounted for.
   */
  public List<Usage> commit(
      String sessionId,
      long ratingGroup,
      Optional<Long> serviceIdentifier,
      long usedBytes,
      Instant now) {
    Reservation reservation = reservations.remove(key(sessionId, ratingGroup));
    if (reservation != null) {
      data.unhold(reservation.source(), reservation.bytes());
    }
    List<Usage> usage = new ArrayList<>();
    long left = usedBytes;
    LocalDate day = now.atZone(CHINA).toLocalDate();
    List<Source> order = new ArrayList<>();
    if (reservation != null) {
      order.add(reservation.source());
    }
    data.candidates(profile, ratingGroup, serviceIdentifier, now).stream()
        .map(DataMeters.Candidate::source)
        .filter(s -> !order.contains(s))
        .forEach(order::add);
    for (Source source : order) {
      if (left == 0) {
        break;
      }
      long debited =
          source.kind() == Source.Kind.ALLOWANCE
              ? left
              : Math.min(left, data.spendable(profile, source, now));
      if (debited > 0) {
        debit(ratingGroup, serviceIdentifier, source, debited, day, usage);
        left -= debited;
      }
    }
    if (left > 0) {
      debit(ratingGroup, serviceIdentifier, Source.ALLOWANCE, left, day, usage);
    }
    return usage;
  }

  private void debit(
      long ratingGroup,
      Optional<Long> serviceIdentifier,
      Source source,
      long bytes,
      LocalDate day,
      List<Usage> usage) {
    // Decided before the debit: a cap this debit uses up did cover these bytes.
    decided.add(
        data.decision(
            profile, ratingGroup, serviceIdentifier, source, Decision.Action.DEBIT, bytes));
    data.debit(source, bytes);
    usage.add(new Usage(day, ratingGroup, source, bytes));
  }

  /** Notes which client — a PCEF, or an SMF over Nchf — a session belongs to. */
  public void attach(String sessionId, Peer peer) {
    sessionPeers.put(sessionId, peer);
  }

  /** The client of each session that holds quota now. */
  public Map<String, Peer> sessionsToReauthorize() {
    forgetIdleSessions();
    return Map.copyOf(sessionPeers);
  }

  /** The rating groups a session holds quota for. */
  public Set<Long> ratingGroupsHeld(String sessionId) {
    Set<Long> groups = new TreeSet<>();
    reservations.values().stream()
        .filter(r -> r.sessionId().equals(sessionId))
        .forEach(r -> groups.add(r.ratingGroup()));
    return groups;
  }

  private void forgetIdleSessions() {
    List<String> open = openSessions();
    sessionPeers.keySet().removeIf(session -> !open.contains(session));
  }

  /** Releases every reservation of a session (CCR-T, or a session cleaned up). */
  public void releaseSession(String sessionId) {
    List<String> keys =
        reservations.values().stream()
            .filter(r -> r.sessionId().equals(sessionId))
            .map(r -> key(r.sessionId(), r.ratingGroup()))
            .toList();
    keys.forEach(this::release);
    sessionPeers.remove(sessionId);
  }

  /** Releases reservations whose Tcc has passed; returns the sessions that had them. */
  public List<String> releaseExpired(Instant now) {
    List<Reservation> expired =
        reservations.values().stream().filter(r -> !r.expiresAt().isAfter(now)).toList();
    expired.forEach(r -> release(key(r.sessionId(), r.ratingGroup())));
    forgetIdleSessions();
    return Stream.of(
            expired.stream().map(Reservation::sessionId),
            sms.releaseExpired(now).stream(),
            voice.releaseExpired(now).stream())
        .flatMap(sessions -> sessions)
        .distinct()
        .toList();
  }

  /** When the first open reservation lapses, if any is open. */
  public Optional<Instant> earliestExpiry() {
    return Stream.of(
            reservations.values().stream().map(Reservation::expiresAt),
            sms.earliestExpiry().stream(),
            voice.earliestExpiry().stream())
        .flatMap(expiries -> expiries)
        .min(Comparator.naturalOrder());
  }

  public boolean hasReservations() {
    return !reservations.isEmpty() || sms.held() > 0 || voice.held() > 0;
  }

  public long reservedBytes() {
    return reservations.values().stream().mapToLong(Reservation::bytes).sum();
  }

  public List<String> openSessions() {
    return reservations.values().stream().map(Reservation::sessionId).distinct().toList();
  }

  /** The subscriber's SMS this cycle: sent, refunded, held by open sessions. */
  public SmsBalance sms() {
    return sms(0);
  }

  /** The SMS, for requests of a rating group: what is decided on them is recorded under it. */
  public SmsBalance sms(long ratingGroup) {
    return new SmsBalance(
        sms, profile.smsPerCycle(), profile.extras().smsOverageFen(), ratingGroup, decided::add);
  }

  /** The subscriber's call time this cycle: used per call, held by open calls. */
  public VoiceBalance voice() {
    return voice(0);
  }

  /** The call time for calls of a rating group, whatever number they call. */
  public VoiceBalance voice(long ratingGroup) {
    return voice(ratingGroup, Optional.empty());
  }

  /**
   * The call time for a call of a rating group to {@code calledNumber} (E.164 digits, when the
   * request says): minutes a partner sponsors for that number are spent first.
   */
  public VoiceBalance voice(long ratingGroup, Optional<String> calledNumber) {
    return new VoiceBalance(voice, profile, ratingGroup, calledNumber, decided::add);
  }

  /** What is left of the allowance, not counting reservations. */
  public long allowanceLeft() {
    return Math.max(0, profile.allowanceBytes() - data.allowanceUsed);
  }

  public long allowanceUsed() {
    return data.allowanceUsed;
  }

  /** What is left of each gift, by code, not counting reservations; expired gifts show 0. */
  public Map<String, Long> giftsLeft(Instant now) {
    return data.giftsLeft(now);
  }

  /** Free bytes used this cycle, by privilege code. */
  public Map<String, Long> zeroRatedUsed() {
    return data.zeroRatedUsed();
  }

  private void release(String key) {
    Reservation reservation = reservations.remove(key);
    if (reservation != null) {
      data.unhold(reservation.source(), reservation.bytes());
    }
  }

  private static String key(String sessionId, long ratingGroup) {
    return sessionId + "|" + ratingGroup;
  }
}
