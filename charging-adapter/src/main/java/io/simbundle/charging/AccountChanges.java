package io.simbundle.charging;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.account.Peer;
import io.simbundle.charging.gy.CreditControlService;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.store.ChargingStore;
import io.simbundle.charging.store.Checkpointer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes to accounts made outside credit-control requests — a profile installed, a subscriber
 * barred, silent sessions released — each decided under the account's lock, committed in order with
 * the requests' writes, and followed by Re-Auth-Requests to the PCEFs holding sessions.
 */
final class AccountChanges {

  private static final Logger log = LoggerFactory.getLogger(AccountChanges.class);

  private final CreditControlService creditControl;
  private final Checkpointer checkpointer;
  private final ChargingStore store;
  private final Reauthorizer reauthorizer;
  private final Clock clock;

  AccountChanges(
      CreditControlService creditControl,
      Checkpointer checkpointer,
      ChargingStore store,
      Reauthorizer reauthorizer,
      Clock clock) {
    this.creditControl = creditControl;
    this.checkpointer = checkpointer;
    this.store = store;
    this.reauthorizer = reauthorizer;
    this.clock = clock;
  }

  /**
   * Installs a subscriber's profile, or changes it: balances of the same billing cycle and open
   * reservations are kept; a profile of a new cycle starts the allowance and caps afresh (rolling
   * the cycle). A profile of another card on the number is a new holder of a recycled number: a new
   * account, nothing of the old holder's balances or bar.
   */
  void install(ChargingProfile profile) {
    Saved installed =
        creditControl.withAccount(
            profile.msisdn(),
            found -> {
              Account account =
                  found
                      .map(
                          a -> {
                            a.install(profile);
                            return a;
                          })
                      .orElseGet(() -> Account.open(profile));
              return new Saved(creditControl.save(account), reauthorizations(account), 0);
            });
    // Waited for outside the account lock: a failed commit takes that lock to drop the account.
    installed.committed().join();
    // Looking subscribers up by IMSI reads the table: make the new profile visible there.
    checkpointer.flush();
    // Open sessions were granted under the old profile: the PCEFs ask again.
    installed.reauthorize().forEach(r -> reauthorizer.reauthorize(r, false));
  }

  /**
   * Bars a subscriber's traffic (suspended or terminated by the operator) or lets it again. While
   * barred, credit-control requests are answered 4010 (end user service denied) with no quota and
   * reported usage is still charged; open sessions are re-authorized so PCEFs learn it at once.
   *
   * @return false when the charging function holds no such subscriber
   */
  boolean bar(String msisdn, boolean barred) {
    Optional<Saved> changed =
        creditControl.withAccount(
            msisdn,
            found ->
                found.map(
                    account -> {
                      account.bar(barred);
                      return new Saved(creditControl.save(account), reauthorizations(account), 0);
                    }));
    if (changed.isEmpty()) {
      return false;
    }
    changed.get().committed().join();
    // A PCEF learns of the bar by asking again (4010); an SMF is told its charging is aborted.
    changed.get().reauthorize().forEach(r -> reauthorizer.reauthorize(r, barred));
    return true;
  }

  /** A session to tell that its quota must be asked for again, with what it holds. */
  record Reauthorization(String sessionId, Peer peer, Set<Long> ratingGroups) {}

  /** Tells a session's client — a PCEF by RAR, an SMF by ChargingNotifyRequest. */
  interface Reauthorizer {
    /**
     * @param abort for an SMF: ABORT_CHARGING instead of REAUTHORIZATION (the subscriber was
     *     barred)
     */
    void reauthorize(Reauthorization session, boolean abort);
  }

  private static List<Reauthorization> reauthorizations(Account account) {
    List<Reauthorization> sessions = new ArrayList<>();
    account
        .sessionsToReauthorize()
        .forEach(
            (session, peer) ->
                sessions.add(
                    new Reauthorization(session, peer, account.ratingGroupsHeld(session))));
    return sessions;
  }

  /**
   * An account change on its way to the journal.
   *
   * @param reauthorize the open sessions to tell once it is committed
   * @param sessionsReleased how many silent sessions it released
   */
  private record Saved(
      CompletableFuture<Void> committed, List<Reauthorization> reauthorize, int sessionsReleased) {}

  /**
   * Releases the reservations of sessions that went silent past their Tcc (twice the
   * Validity-Time); runs by itself in the background.
   *
   * @return how many sessions lost reservations
   */
  int releaseExpiredReservations(Predicate<String> decidedHere) {
    Instant now = clock.instant();
    checkpointer.flush();
    List<Saved> saved = new ArrayList<>();
    for (String msisdn : store.withExpiredReservations(now)) {
      if (!decidedHere.test(msisdn)) {
        continue; // its owner sweeps it
      }
      creditControl
          .withAccount(
              msisdn,
              found ->
                  found.map(
                      account -> {
                        int sessions = account.releaseExpired(now).size();
                        return new Saved(creditControl.save(account), List.of(), sessions);
                      }))
          .ifPresent(saved::add);
    }
    saved.forEach(s -> s.committed().join());
    int released = saved.stream().mapToInt(Saved::sessionsReleased).sum();
    if (released > 0) {
      log.info("released the reservations of {} silent session(s)", released);
    }
    return released;
  }
}
