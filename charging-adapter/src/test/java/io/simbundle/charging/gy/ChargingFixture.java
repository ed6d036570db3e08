package io.simbundle.charging.gy;

import io.simbundle.catalog.CatalogSources;
import io.simbundle.catalog.file.CatalogFileReader;
import io.simbundle.catalog.version.CatalogVersion;
import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;

/**
 * A charging function on its own schema of the test database and a free port, with PCEFs that
 * connect to it over TCP.
 */
public final class ChargingFixture implements AutoCloseable {

  public static final Duration TIMEOUT = Duration.ofSeconds(10);

  /**
   * The PCEF's Tx timer: an unanswered request is sent again (T flag) after it, as RFC 4006 has.
   */
  public static final Duration TX = Duration.ofSeconds(3);

  public static final long MB = 1024 * 1024;

  /**
   * Default internet, WeChat, WeChat video calls, QQ Music, Tencent Video, Yixin, Taobao, Alipay.
   */
  public static final Set<Long> CATALOG_RATING_GROUPS =
      Set.of(10L, 1000L, 1001L, 1002L, 1003L, 2000L, 3000L, 3001L);

  /** WeChat Wo's free WeChat traffic: rating group 1000 free up to 3 GB, video calls (1001) not. */
  public static ZeroRatedService weChatFreeTraffic() {
    return new ZeroRatedService(
        "wechat-free-traffic",
        "tencent",
        Set.of(1000L),
        Set.of(),
        Optional.of(3072 * MB),
        Set.of(1001L));
  }

  /** The demo catalog shipped with the engine, as the file reader reads it. */
  public static CatalogVersion demoCatalog() {
    CatalogSources.Source demo = new CatalogSources(true, Optional.empty()).read().get(0);
    return new CatalogFileReader().read(demo.name(), demo.content()).version();
  }

  /** A subscriber with only a plan allowance, in a billing cycle that started yesterday. */
  public static ChargingProfile plainProfile(String msisdn, long allowanceBytes) {
    Instant now = Instant.now();
    return new ChargingProfile(
        msisdn,
        Optional.empty(),
        allowanceBytes,
        now.minus(Duration.ofDays(1)),
        now.plus(Duration.ofDays(29)),
        List.of(),
        List.of());
  }

  private final Database database;
  private final ChargingSettings settings;
  private final Clock clock;
  private ChargingFunction charging;

  private ChargingFixture(Database database, ChargingSettings settings, Clock clock) {
    this.database = database;
    this.settings = settings;
    this.clock = clock;
    this.charging = startCharging();
  }

  private ChargingFunction startCharging() {
    DiameterIdentity ocs =
        new DiameterIdentity(
            "ocs.simbundle.local", "simbundle.local", "127.0.0.1", FreePort.next());
    return ChargingFunction.start(database, ocs, settings, clock);
  }

  /** Stops the charging function as a crash would leave it, and starts a fresh one on its data. */
  public ChargingFunction restartCharging() {
    charging.close();
    charging = startCharging();
    return charging;
  }

  public static ChargingFixture start(
      String purpose,
      ChargingSettings.UnknownRatingGroups unknown,
      Optional<String> topUpUrl,
      Clock clock) {
    Database database = TestDatabase.newSchema(purpose);
    ChargingSettings settings =
        new ChargingSettings(
            new GrantPolicy(10 * MB, Duration.ofMinutes(30)),
            CATALOG_RATING_GROUPS,
            unknown,
            topUpUrl,
            ChargingSettings.DEFAULT_DUPLICATE_WINDOW);
    return new ChargingFixture(database, settings, clock);
  }

  public ChargingFunction charging() {
    return charging;
  }

  public Database database() {
    return database;
  }

  public PcefSimulator pcef(String host) {
    return PcefSimulator.connect(
        new DiameterIdentity(host, "pcef.simbundle.local", "127.0.0.1", FreePort.next()),
        charging.identity(),
        TIMEOUT);
  }

  /**
   * Sends a Credit-Control-Request as a PCEF does: built afresh and sent again with the T flag when
   * the Tx timer expires, up to three times.
   */
  public static Answer send(PcefSimulator pcef, Session session, Supplier<Request> request) {
    return pcef.sendRetransmitting(session, request, TX, 3);
  }

  /** A subscriber's credit-control request with these MSCCs, sent as {@link #send} does. */
  public static AnswerView send(
      PcefSimulator pcef, Session session, int type, int number, String msisdn, Mscc... mscc) {
    return new AnswerView(
        send(
            pcef,
            session,
            () -> pcef.creditControlRequest(session, type, number, msisdn, List.of(mscc))));
  }

  @Override
  public void close() {
    charging.close();
    database.close();
  }
}
