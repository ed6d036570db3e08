package io.simbundle.charging;

import io.simbundle.charging.account.Account;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.CreditControlService;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyServer;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.store.ChargingStore;
import io.simbundle.charging.store.UsageRecord;
import io.simbundle.platform.database.Database;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The charging-adapter's port: the online charging function on Gy, and the small Java API
 * provisioning uses to install or change a subscriber's charging profile and to read balances and
 * usage. It knows nothing of orders.
 */
public final class ChargingFunction implements AutoCloseable {

  private final ChargingStore store;
  private final CreditControlService creditControl;
  private final GyServer server;
  private final Clock clock;

  private ChargingFunction(
      ChargingStore store, CreditControlService creditControl, GyServer server, Clock clock) {
    this.store = store;
    this.creditControl = creditControl;
    this.server = server;
    this.clock = clock;
  }

  /** Migrates the charging tables and starts the Gy server. */
  public static ChargingFunction start(
      Database database, DiameterIdentity identity, ChargingSettings settings, Clock clock) {
    ChargingStore store = ChargingStore.open(database, clock);
    try {
      CreditControlService creditControl =
          new CreditControlService(store, identity, settings, clock);
      GyServer server = GyServer.start(identity, creditControl);
      return new ChargingFunction(store, creditControl, server, clock);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
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
          store.save(account);
          creditControl.evict(profile.msisdn());
          return account;
        });
  }

  public Optional<Balance> balance(String msisdn) {
    return creditControl.withAccount(
        msisdn,
        found ->
            found.map(
                a ->
                    new Balance(
                        msisdn,
                        a.profile().allowanceBytes(),
                        a.allowanceUsed(),
                        a.giftsLeft(clock.instant()),
                        a.zeroRatedUsed(),
                        a.reservedBytes(),
                        a.openSessions())));
  }

  /** Usage per day, rating group and payer: why traffic was free or charged. */
  public List<UsageRecord> usage(String msisdn) {
    return store.usage(msisdn);
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }
}
