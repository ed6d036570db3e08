package io.simbundle.charging.gy;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.gy.ChargingFixture.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.Balance;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.GiftGrant;
import io.simbundle.charging.profile.ZeroRatedService;
import io.simbundle.charging.store.UsageRecord;
import io.simbundle.platform.testing.EngineTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Credit control over real TCP on the real database: every charging rule and error code. */
@EngineTest
class CreditControlTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant CYCLE_START = Instant.parse("2026-10-31T16:00:00Z");
  private static final Instant CYCLE_END = Instant.parse("2026-11-30T16:00:00Z");
  private static final String WECHAT_WO = "8618600000001";
  private static final String YIXIN = "8618600000002";
  private static final String PLAIN = "8618600000003";
  private static final String VIDEO_APP = "8618600000004";
  private static final long VIDEO_SERVICE = 7001;
  private static ChargingFixture fixture;
  private static PcefSimulator pcef;

  @BeforeAll
  static void start() {
    fixture =
        ChargingFixture.start(
            "credit_control",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    fixture
        .charging()
        .install(
            profile(WECHAT_WO, 500 * MB, List.of(ChargingFixture.weChatFreeTraffic()), List.of()));
    fixture
        .charging()
        .install(
            profile(
                YIXIN,
                300 * MB,
                List.of(),
                List.of(new GiftGrant("yixin-monthly-gift", 500 * MB, Set.of(2000L), CYCLE_END))));
    fixture.charging().install(profile(PLAIN, 15 * MB, List.of(), List.of()));
    // A privilege by Service-Identifier only: the partner's app, whatever rating group carries it.
    fixture
        .charging()
        .install(
            profile(
                VIDEO_APP,
                15 * MB,
                List.of(
                    new ZeroRatedService(
                        "free-video-app",
                        "tencent",
                        Set.of(),
                        Set.of(VIDEO_SERVICE),
                        Optional.empty(),
                        Set.of())),
                List.of()));
    pcef = fixture.pcef("pgw-1.pcef.simbundle.local");
  }

  @AfterAll
  static void stop() {
    pcef.close();
    fixture.close();
  }

  private static ChargingProfile profile(
      String msisdn, long allowance, List<ZeroRatedService> zero, List<GiftGrant> gifts) {
    return new ChargingProfile(
        msisdn, Optional.empty(), allowance, CYCLE_START, CYCLE_END, zero, gifts);
  }

  private static AnswerView send(
      Session session, int type, int number, String msisdn, Mscc... mscc) {
    return ChargingFixture.send(pcef, session, type, number, msisdn, mscc);
  }

  private static Balance balance(String msisdn) {
    return fixture.charging().balance(msisdn).orElseThrow();
  }

  @Test
  void weChatIsZeroRatedAndVideoCallsAreChargedEachMsccOnItsOwn() throws Exception {
    Session session = pcef.newSession();

    AnswerView initial =
        send(
            session,
            GyAvp.INITIAL_REQUEST,
            0,
            WECHAT_WO,
            new Mscc(1000, 5 * MB, -1),
            new Mscc(1001, 5 * MB, -1));
    AnswerView update =
        send(
            session,
            GyAvp.UPDATE_REQUEST,
            1,
            WECHAT_WO,
            new Mscc(1000, 5 * MB, 4 * MB),
            new Mscc(1001, 5 * MB, 2 * MB));
    AnswerView termination =
        send(
            session,
            GyAvp.TERMINATION_REQUEST,
            2,
            WECHAT_WO,
            new Mscc(1000, -1, 1 * MB),
            new Mscc(1001, -1, 1 * MB));

    assertThat(initial.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(initial.msccCount()).isEqualTo(2);
    assertThat(initial.mscc(1000).resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(initial.mscc(1000).grantedBytes()).isEqualTo(5 * MB);
    assertThat(initial.mscc(1000).validitySeconds()).isEqualTo(1800);
    assertThat(initial.mscc(1000).thresholdBytes()).isEqualTo(1 * MB);
    assertThat(initial.mscc(1001).grantedBytes()).isEqualTo(5 * MB);
    assertThat(update.mscc(1000).grantedBytes()).isEqualTo(5 * MB);
    assertThat(termination.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(termination.msccCount()).isZero();

    Balance balance = balance(WECHAT_WO);
    assertThat(balance.zeroRatedUsedBytes()).containsEntry("wechat-free-traffic", 5 * MB);
    assertThat(balance.allowanceUsedBytes()).isEqualTo(3 * MB);
    assertThat(balance.reservedBytes()).isZero();
    List<UsageRecord> usage = fixture.charging().usage(WECHAT_WO);
    assertThat(usage)
        .extracting(
            UsageRecord::ratingGroup,
            UsageRecord::paidByKind,
            UsageRecord::partnerCode,
            UsageRecord::bytes)
        .contains(
            org.assertj.core.groups.Tuple.tuple(1000L, "ZERO_RATED", "tencent", 5 * MB),
            org.assertj.core.groups.Tuple.tuple(1001L, "ALLOWANCE", "", 3 * MB));
  }

  @Test
  void aServiceIdentifierTheCatalogSponsorsIsFreeOnAnyRatingGroupAndOnlyWhenSent()
      throws Exception {
    Session app = pcef.newSession();
    Session browser = pcef.newSession();

    AnswerView sponsored =
        send(
            app,
            GyAvp.INITIAL_REQUEST,
            0,
            VIDEO_APP,
            new Mscc(10, Optional.of(VIDEO_SERVICE), 5 * MB, -1));
    send(
        app,
        GyAvp.TERMINATION_REQUEST,
        1,
        VIDEO_APP,
        new Mscc(10, Optional.of(VIDEO_SERVICE), -1, 4 * MB));
    send(browser, GyAvp.INITIAL_REQUEST, 0, VIDEO_APP, new Mscc(10, 5 * MB, -1));
    send(browser, GyAvp.TERMINATION_REQUEST, 1, VIDEO_APP, new Mscc(10, -1, 2 * MB));

    assertThat(sponsored.mscc(10).resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(sponsored.mscc(10).serviceIdentifier()).contains(VIDEO_SERVICE);
    Balance balance = balance(VIDEO_APP);
    assertThat(balance.zeroRatedUsedBytes()).containsEntry("free-video-app", 4 * MB);
    assertThat(balance.allowanceUsedBytes())
        .as("the same rating group without it")
        .isEqualTo(2 * MB);
    assertThat(fixture.charging().usage(VIDEO_APP))
        .extracting(UsageRecord::ratingGroup, UsageRecord::paidByKind, UsageRecord::bytes)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(10L, "ZERO_RATED", 4 * MB),
            org.assertj.core.groups.Tuple.tuple(10L, "ALLOWANCE", 2 * MB));
  }

  @Test
  void yixinTrafficIsPaidByTheGiftBeforeTheAllowance() throws Exception {
    Session session = pcef.newSession();

    send(
        session,
        GyAvp.INITIAL_REQUEST,
        0,
        YIXIN,
        new Mscc(2000, 8 * MB, -1),
        new Mscc(10, 2 * MB, -1));
    send(
        session,
        GyAvp.TERMINATION_REQUEST,
        1,
        YIXIN,
        new Mscc(2000, -1, 8 * MB),
        new Mscc(10, -1, 2 * MB));

    Balance balance = balance(YIXIN);
    assertThat(balance.giftsLeftBytes()).containsEntry("yixin-monthly-gift", 492 * MB);
    assertThat(balance.allowanceUsedBytes()).isEqualTo(2 * MB);
  }

  @Test
  void runningOutGivesAFinalPartialGrantThen4012WithFinalUnitIndication() throws Exception {
    Session session = pcef.newSession();

    AnswerView first = send(session, GyAvp.INITIAL_REQUEST, 0, PLAIN, new Mscc(10, 10 * MB, -1));
    AnswerView last = send(session, GyAvp.UPDATE_REQUEST, 1, PLAIN, new Mscc(10, 10 * MB, 10 * MB));
    AnswerView none = send(session, GyAvp.UPDATE_REQUEST, 2, PLAIN, new Mscc(10, 10 * MB, 5 * MB));
    send(session, GyAvp.TERMINATION_REQUEST, 3, PLAIN, new Mscc(10, -1, 0));

    assertThat(first.mscc(10).grantedBytes()).isEqualTo(10 * MB);
    assertThat(first.mscc(10).finalUnitAction()).isEmpty();
    assertThat(last.mscc(10).grantedBytes()).isEqualTo(5 * MB);
    assertThat(last.mscc(10).finalUnitAction()).contains(GyAvp.TERMINATE);
    assertThat(none.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(none.mscc(10).resultCode()).isEqualTo(ResultCode.CREDIT_LIMIT_REACHED);
    assertThat(none.mscc(10).grantedBytes()).isZero();
    assertThat(none.mscc(10).finalUnitAction()).contains(GyAvp.TERMINATE);
    assertThat(balance(PLAIN).allowanceLeftBytes()).isZero();
  }

  @Test
  void retransmittedRequestGetsTheSameAnswerAndIsNeverDebitedTwice() throws Exception {
    fixture.charging().install(profile("8618600000009", 100 * MB, List.of(), List.of()));
    Session session = pcef.newSession();
    send(session, GyAvp.INITIAL_REQUEST, 0, "8618600000009", new Mscc(10, 10 * MB, -1));

    AnswerView first =
        send(session, GyAvp.UPDATE_REQUEST, 1, "8618600000009", new Mscc(10, 10 * MB, 7 * MB));
    Balance afterFirst = balance("8618600000009");
    AnswerView again =
        send(session, GyAvp.UPDATE_REQUEST, 1, "8618600000009", new Mscc(10, 10 * MB, 7 * MB));

    assertThat(again.mscc(10).grantedBytes()).isEqualTo(first.mscc(10).grantedBytes());
    assertThat(balance("8618600000009").allowanceUsedBytes())
        .isEqualTo(afterFirst.allowanceUsedBytes())
        .isEqualTo(7 * MB);
  }

  @Test
  void unknownSubscriberIs5030() throws Exception {
    Session session = pcef.newSession();

    assertThat(
            send(session, GyAvp.INITIAL_REQUEST, 0, "8613900000000", new Mscc(10, MB, -1))
                .resultCode())
        .isEqualTo(ResultCode.USER_UNKNOWN);
  }

  @Test
  void missingMandatoryAvpIs5005NamingIt() throws Exception {
    Session session = pcef.newSession();
    Request noSubscriber = pcef.creditControlRequest(session, GyAvp.INITIAL_REQUEST, 0);
    Request noRatingGroup =
        pcef.creditControlRequest(session, GyAvp.INITIAL_REQUEST, 1, PLAIN, List.of());
    noRatingGroup
        .getAvps()
        .addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false)
        .addGroupedAvp(GyAvp.REQUESTED_SERVICE_UNIT, true, false);

    AnswerView a = new AnswerView(pcef.send(session, noSubscriber, TIMEOUT));
    AnswerView b = new AnswerView(pcef.send(session, noRatingGroup, TIMEOUT));

    assertThat(a.resultCode()).isEqualTo(ResultCode.MISSING_AVP);
    assertThat(a.failedAvpCode()).contains(GyAvp.SUBSCRIPTION_ID);
    assertThat(b.resultCode()).isEqualTo(ResultCode.MISSING_AVP);
    assertThat(b.failedAvpCode()).contains(GyAvp.RATING_GROUP);
  }

  @Test
  void invalidRequestTypeIs5004NamingIt() throws Exception {
    Session session = pcef.newSession();
    Request request = pcef.creditControlRequest(session, 9, 0, PLAIN, List.of());

    AnswerView answer = new AnswerView(pcef.send(session, request, TIMEOUT));

    assertThat(answer.resultCode()).isEqualTo(ResultCode.INVALID_AVP_VALUE);
    assertThat(answer.failedAvpCode()).contains(GyAvp.CC_REQUEST_TYPE);
  }

  @Test
  void ratingGroupNotInTheCatalogIsDeniedWith4010() throws Exception {
    Session session = pcef.newSession();

    AnswerView answer =
        send(
            session,
            GyAvp.INITIAL_REQUEST,
            0,
            WECHAT_WO,
            new Mscc(4242, MB, -1),
            new Mscc(1000, MB, -1));

    assertThat(answer.mscc(4242).resultCode()).isEqualTo(ResultCode.END_USER_SERVICE_DENIED);
    assertThat(answer.mscc(4242).grantedBytes()).isZero();
    assertThat(answer.mscc(1000).resultCode()).isEqualTo(ResultCode.SUCCESS);
    send(session, GyAvp.TERMINATION_REQUEST, 1, WECHAT_WO);
  }

  @Test
  void terminationReleasesEveryReservationOfTheSession() throws Exception {
    Session session = pcef.newSession();
    send(
        session,
        GyAvp.INITIAL_REQUEST,
        0,
        YIXIN,
        new Mscc(10, 5 * MB, -1),
        new Mscc(2000, 5 * MB, -1));
    assertThat(balance(YIXIN).openSessions()).contains(session.getSessionId());

    send(session, GyAvp.TERMINATION_REQUEST, 1, YIXIN);

    assertThat(balance(YIXIN).openSessions()).doesNotContain(session.getSessionId());
  }

  @Test
  void barredSubscriberIsDeniedServiceButUsageIsStillCharged() throws Exception {
    String msisdn = "8618600000021";
    fixture.charging().install(profile(msisdn, 100 * MB, List.of(), List.of()));
    Session session = pcef.newSession();
    send(session, GyAvp.INITIAL_REQUEST, 0, msisdn, new Mscc(10, 5 * MB, -1));

    assertThat(fixture.charging().bar(msisdn, true)).isTrue();
    assertThat(pcef.nextReAuthorization(TIMEOUT)).hasValue(session.getSessionId());
    AnswerView update =
        send(session, GyAvp.UPDATE_REQUEST, 1, msisdn, new Mscc(10, 5 * MB, 2 * MB));
    AnswerView fresh =
        send(pcef.newSession(), GyAvp.INITIAL_REQUEST, 0, msisdn, new Mscc(10, MB, -1));

    assertThat(update.resultCode()).isEqualTo(ResultCode.END_USER_SERVICE_DENIED);
    assertThat(update.msccCount()).isZero();
    assertThat(fresh.resultCode()).isEqualTo(ResultCode.END_USER_SERVICE_DENIED);
    assertThat(balance(msisdn).allowanceUsedBytes()).isEqualTo(2 * MB);
    assertThat(balance(msisdn).reservedBytes()).isZero();
    assertThat(balance(msisdn).barred()).isTrue();

    fixture.charging().bar(msisdn, false);
    AnswerView resumed =
        send(pcef.newSession(), GyAvp.INITIAL_REQUEST, 0, msisdn, new Mscc(10, MB, -1));
    assertThat(resumed.resultCode()).isEqualTo(ResultCode.SUCCESS);
    assertThat(resumed.mscc(10).grantedBytes()).isEqualTo(MB);
    assertThat(fixture.charging().bar("8618699999999", true)).isFalse();
  }
}
