package io.simbundle.charging.capture;

import io.simbundle.charging.ChargingFunction;
import io.simbundle.charging.account.GrantPolicy;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.GiftGrant;
import io.simbundle.platform.database.Database;
import io.simbundle.platform.database.TestDatabase;
import io.simbundle.platform.net.FreePort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdiameter.api.Session;

/**
 * One Gy conversation that touches every message and AVP the engine writes — CER/CEA, CCR/CCA
 * I/U/T/E with MSCCs, zero-rating, a gift, a final grant with FUI, 4012, 5030, 5005 with
 * Failed-AVP, RAR/RAA, DPR/DPA — on a fixed port, for a packet capture that Wireshark's dissector
 * checks (see docs/RELIABILITY.md).
 *
 * <p>Argument: the server's TCP port.
 */
public final class GyCaptureSession {

  private static final long MB = 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    try (Database database = TestDatabase.newSchema("gy_capture")) {
      DiameterIdentity ocs =
          new DiameterIdentity("ocs.simbundle.local", "simbundle.local", "127.0.0.1", port);
      try (ChargingFunction charging =
          ChargingFunction.start(
              database,
              ocs,
              new ChargingSettings(
                  new GrantPolicy(10 * MB, Duration.ofMinutes(30)),
                  Set.of(10L, 1000L, 1001L, 2000L),
                  ChargingSettings.UnknownRatingGroups.DENY,
                  Optional.empty(),
                  ChargingSettings.DEFAULT_DUPLICATE_WINDOW),
              Clock.systemUTC())) {
        Instant now = Instant.now();
        ChargingProfile profile =
            new ChargingProfile(
                "8618600000001",
                Optional.of("460011860000001"),
                12 * MB,
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(30)),
                List.of(ChargingFixture.weChatFreeTraffic()),
                List.of(
                    new GiftGrant(
                        "yixin-monthly-gift",
                        5 * MB,
                        Set.of(2000L),
                        now.plus(Duration.ofDays(30)))));
        charging.install(profile);
        try (PcefSimulator pcef =
            PcefSimulator.connect(
                new DiameterIdentity(
                    "pgw.pcef.simbundle.local",
                    "pcef.simbundle.local",
                    "127.0.0.1",
                    FreePort.next()),
                ocs,
                TIMEOUT)) {
          Session session = pcef.newSession();
          send(
              pcef,
              session,
              GyAvp.INITIAL_REQUEST,
              0,
              new Mscc(1000, 5 * MB, -1),
              new Mscc(1001, 5 * MB, -1),
              new Mscc(2000, 5 * MB, -1),
              new Mscc(4242, MB, -1));
          send(
              pcef,
              session,
              GyAvp.UPDATE_REQUEST,
              1,
              new Mscc(1000, 5 * MB, 5 * MB),
              new Mscc(1001, 10 * MB, 5 * MB),
              new Mscc(2000, 5 * MB, 5 * MB));
          send(pcef, session, GyAvp.UPDATE_REQUEST, 2, new Mscc(1001, 10 * MB, 7 * MB));
          charging.install(profile);
          pcef.nextReAuthorization(TIMEOUT);
          send(pcef, session, GyAvp.TERMINATION_REQUEST, 3, new Mscc(1001, -1, 0));
          Session unknown = pcef.newSession();
          pcef.send(
              unknown,
              pcef.creditControlRequest(
                  unknown, GyAvp.EVENT_REQUEST, 0, "8613900000000", List.of(new Mscc(10, MB, -1))),
              TIMEOUT);
          Session missing = pcef.newSession();
          pcef.send(missing, pcef.creditControlRequest(missing, GyAvp.INITIAL_REQUEST, 0), TIMEOUT);
        }
      }
    }
    System.exit(0);
  }

  private static void send(
      PcefSimulator pcef, Session session, int type, int number, Mscc... mscc) {
    pcef.send(
        session,
        pcef.creditControlRequest(session, type, number, "8618600000001", List.of(mscc)),
        TIMEOUT);
  }
}
