package io.simbundle.charging.gy;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.gy.ChargingFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.PartnerSettlement;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.platform.testing.EngineTest;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sponsored traffic priced for the partner; rating groups the catalog does not know. */
@EngineTest
class SettlementTest {

  private static final String MSISDN = "8618600000077";
  private static ChargingFixture fixture;
  private static PcefSimulator pcef;

  @BeforeAll
  static void start() {
    fixture =
        ChargingFixture.start(
            "settlement",
            ChargingSettings.UnknownRatingGroups.CHARGE_AS_DEFAULT,
            Optional.of("http://top-up.simbundle.local/"),
            Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
    fixture
        .charging()
        .install(
            new ChargingProfile(
                MSISDN,
                Optional.empty(),
                20 * MB,
                Instant.parse("2026-10-31T16:00:00Z"),
                Instant.parse("2026-11-30T16:00:00Z"),
                List.of(ChargingFixture.weChatFreeTraffic()),
                List.of()));
    pcef = fixture.pcef("pgw-5.pcef.simbundle.local");
  }

  @AfterAll
  static void stop() {
    pcef.close();
    fixture.close();
  }

  private static AnswerView send(Session session, int type, int number, Mscc... mscc) {
    return new AnswerView(
        pcef.send(
            session,
            pcef.creditControlRequest(session, type, number, MSISDN, List.of(mscc)),
            TIMEOUT));
  }

  @Test
  void sponsoredTrafficIsPricedWithTheCatalogsPricePerGb() throws Exception {
    Session session = pcef.newSession();
    send(session, GyAvp.INITIAL_REQUEST, 0, new Mscc(1000, 10 * MB, -1));
    send(session, GyAvp.TERMINATION_REQUEST, 1, new Mscc(1000, -1, 1536 * MB));

    List<PartnerSettlement> settlement =
        fixture.charging().settlement(YearMonth.of(2026, 11), ChargingFixture.demoCatalog());

    assertThat(settlement)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.partnerCode()).isEqualTo("tencent");
              assertThat(s.privilegeCode()).isEqualTo("wechat-free-traffic");
              assertThat(s.sponsoredBytes()).isEqualTo(1536 * MB);
              assertThat(s.fenPerGb()).isEqualTo(2000);
              assertThat(s.amountFen()).isEqualTo(3000);
            });
    assertThat(fixture.charging().settlement(YearMonth.of(2026, 10), ChargingFixture.demoCatalog()))
        .isEmpty();
  }

  @Test
  void unknownRatingGroupIsChargedAsDefaultInternetWhenSoConfigured() throws Exception {
    Session session = pcef.newSession();

    AnswerView answer = send(session, GyAvp.INITIAL_REQUEST, 0, new Mscc(4242, 2 * MB, -1));
    send(session, GyAvp.TERMINATION_REQUEST, 1, new Mscc(4242, -1, 2 * MB));

    assertThat(answer.mscc(4242).resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(answer.mscc(4242).grantedBytes()).isEqualTo(2 * MB);
    assertThat(fixture.charging().usage(MSISDN))
        .anySatisfy(
            u -> {
              assertThat(u.ratingGroup()).isEqualTo(4242);
              assertThat(u.paidByKind()).isEqualTo("ALLOWANCE");
            });
  }

  @Test
  void runningOutRedirectsToTheTopUpPageWhenOneIsConfigured() throws Exception {
    String small = "8618600000078";
    fixture
        .charging()
        .install(
            new ChargingProfile(
                small,
                Optional.empty(),
                3 * MB,
                Instant.parse("2026-10-31T16:00:00Z"),
                Instant.parse("2026-11-30T16:00:00Z"),
                List.of(),
                List.of()));
    Session session = pcef.newSession();
    AnswerView answer =
        new AnswerView(
            pcef.send(
                session,
                pcef.creditControlRequest(
                    session, GyAvp.INITIAL_REQUEST, 0, small, List.of(new Mscc(10, 5 * MB, -1))),
                TIMEOUT));

    assertThat(answer.mscc(10).finalUnitAction()).contains(GyAvp.REDIRECT);
  }
}
