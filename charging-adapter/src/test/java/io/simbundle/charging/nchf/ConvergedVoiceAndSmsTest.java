package io.simbundle.charging.nchf;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static io.simbundle.charging.nchf.NchfClient.call;
import static io.simbundle.charging.nchf.NchfClient.delivered;
import static io.simbundle.charging.nchf.NchfClient.sms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simbundle.charging.Balance;
import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.profile.ChargingProfile;
import io.simbundle.charging.profile.PlanExtras;
import io.simbundle.charging.profile.SponsoredMinutes;
import io.simbundle.platform.testing.EngineTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls (IMS, TS 32.260) and SMS (SMSF, TS 32.274) charged over Nchf_ConvergedCharging on real
 * HTTP/2 sockets and the real database: the plan's minutes and SMS, sponsored minutes, one-time
 * events and reservations — the same accounts and rules as on Ro.
 */
@EngineTest
class ConvergedVoiceAndSmsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final Instant CYCLE_START = Instant.parse("2026-10-31T16:00:00Z");
  private static final Instant CYCLE_END = Instant.parse("2026-11-30T16:00:00Z");
  private static final String FRIEND = "tel:+8613800138000";
  private static final String YIXIN_GATEWAY = "sip:+86125930000001@ims.example.cn;user=phone";
  private static ChargingFixture fixture;
  private static NchfClient imsAndSmsf;

  @BeforeAll
  static void start() {
    fixture =
        ChargingFixture.start(
            "nchf_units",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    imsAndSmsf =
        new NchfClient(fixture.charging().serveNchf(ChfSettings.cleartext("127.0.0.1", 0)).port());
  }

  @AfterAll
  static void stop() {
    imsAndSmsf.close();
    fixture.close();
  }

  private static void subscriber(String msisdn, long minutes, long sponsoredMinutes, long sms) {
    ChargingProfile plan =
        new ChargingProfile(
                msisdn, Optional.empty(), 100 * MB, CYCLE_START, CYCLE_END, List.of(), List.of())
            .withVoice(minutes * 60, ChargingProfile.PER_STARTED_MINUTE)
            .withSmsPerCycle(sms);
    if (sponsoredMinutes > 0) {
      plan =
          plan.withExtras(
              new PlanExtras(
                  List.of(
                      new SponsoredMinutes(
                          "yixin-free-calls", "netease", sponsoredMinutes * 60, Set.of("8612593"))),
                  Optional.empty(),
                  Optional.empty()));
    }
    fixture.charging().install(plan);
  }

  private static Balance balance(String msisdn) {
    return fixture.charging().balance(msisdn).orElseThrow();
  }

  private static JsonNode onlyUnit(NchfClient.Reply reply) {
    JsonNode units = reply.json().path("multipleUnitInformation");
    assertThat(units.size()).as(reply.body()).isEqualTo(1);
    return units.get(0);
  }

  @Test
  void aCallIsGrantedThePlansMinutesAndChargedPerStartedMinuteAsOnRo() {
    String msisdn = "8618600000601";
    subscriber(msisdn, 10, 0, 0);

    NchfClient.Reply started = imsAndSmsf.create(call(msisdn, 601, 1, FRIEND, 300, 0));
    String ref = started.reference();
    NchfClient.Reply talking = imsAndSmsf.update(ref, call(msisdn, 601, 2, FRIEND, 300, 95));
    NchfClient.Reply ended = imsAndSmsf.release(ref, call(msisdn, 601, 3, FRIEND, 0, 20));

    assertThat(started.status()).as(started.body()).isEqualTo(201);
    assertThat(onlyUnit(started).path("resultCode").asText()).isEqualTo("SUCCESS");
    assertThat(onlyUnit(started).path("ratingGroup").asLong()).isEqualTo(100);
    assertThat(onlyUnit(started).path("grantedUnit").path("time").asLong()).isPositive();
    assertThat(onlyUnit(started).path("grantedUnit").has("totalVolume")).isFalse();
    assertThat(talking.status()).isEqualTo(200);
    assertThat(ended.status()).isEqualTo(204);
    Balance balance = balance(msisdn);
    assertThat(balance.voiceSecondsUsed())
        .as("115 s talked in all: the call's two started minutes")
        .isEqualTo(120);
    assertThat(balance.voiceSecondsLeft()).isEqualTo(480);
    assertThat(balance.allowanceUsedBytes()).as("a call costs no data").isZero();
  }

  @Test
  void aCallToThePartnersGatewayIsPaidByItsSponsoredMinutes() {
    String msisdn = "8618600000602";
    subscriber(msisdn, 10, 2, 0);

    NchfClient.Reply started = imsAndSmsf.create(call(msisdn, 602, 1, YIXIN_GATEWAY, 300, 0));
    imsAndSmsf.release(started.reference(), call(msisdn, 602, 2, YIXIN_GATEWAY, 0, 60));

    Balance balance = balance(msisdn);
    assertThat(balance.beyondPlan().sponsoredSecondsUsed()).containsEntry("yixin-free-calls", 60L);
    assertThat(balance.voiceSecondsUsed()).as("the plan's minutes untouched").isZero();
  }

  @Test
  void anSmsIsDebitedAsAOneTimeEventOnceEvenWhenSentAgainAndRefusedWhenThePlansSmsAreSpent() {
    String msisdn = "8618600000603";
    subscriber(msisdn, 0, 0, 3);

    NchfClient.Reply twoParts = imsAndSmsf.create(sms(msisdn, 1, 2, true));
    ObjectNode again = sms(msisdn, 1, 2, true).put("retransmissionIndicator", true);
    NchfClient.Reply sentAgain = imsAndSmsf.create(again);
    NchfClient.Reply twoMore = imsAndSmsf.create(sms(msisdn, 2, 2, true));
    NchfClient.Reply lastOne = imsAndSmsf.create(sms(msisdn, 3, 1, true));

    assertThat(twoParts.status()).as(twoParts.body()).isEqualTo(201);
    assertThat(onlyUnit(twoParts).path("grantedUnit").path("serviceSpecificUnits").asLong())
        .isEqualTo(2);
    assertThat(onlyUnit(twoParts).path("ratingGroup").asLong()).isEqualTo(50);
    assertThat(sentAgain.status()).isEqualTo(201);
    assertThat(sentAgain.location()).isEqualTo(twoParts.location());
    assertThat(sentAgain.json().path("multipleUnitInformation"))
        .isEqualTo(twoParts.json().path("multipleUnitInformation"));
    assertThat(twoMore.status()).isEqualTo(403);
    assertThat(twoMore.json().path("cause").asText()).isEqualTo("QUOTA_LIMIT_REACHED");
    assertThat(lastOne.status()).isEqualTo(201);
    assertThat(balance(msisdn).smsLeft()).isZero();
  }

  @Test
  void anSmsReservationIsHeldOnCreateAndOnlyTheDeliveredPartsAreDebitedOnRelease() {
    String msisdn = "8618600000604";
    subscriber(msisdn, 0, 0, 5);

    NchfClient.Reply held = imsAndSmsf.create(sms(msisdn, 1, 3, false));
    long leftWhileHeld = balance(msisdn).smsLeft();
    NchfClient.Reply settled =
        imsAndSmsf.release(held.reference(), delivered(sms(msisdn, 2, 0, false), 2));

    assertThat(held.status()).as(held.body()).isEqualTo(201);
    assertThat(onlyUnit(held).path("grantedUnit").path("serviceSpecificUnits").asLong())
        .isEqualTo(3);
    assertThat(settled.status()).isEqualTo(204);
    assertThat(leftWhileHeld).as("three parts held").isEqualTo(2);
    assertThat(balance(msisdn).smsLeft()).as("two delivered, one released").isEqualTo(3);
  }

  @Test
  void requestsTheCallAndSmsRulesForbidGetAProblemNamingTheFieldAndChargeNothing() {
    String msisdn = "8618600000605";
    subscriber(msisdn, 10, 0, 5);
    NchfClient.Reply held = imsAndSmsf.create(sms(msisdn, 1, 1, false));
    ObjectNode callAsEvent = call(msisdn, 605, 1, FRIEND, 60, 0).put("oneTimeEvent", true);
    ObjectNode both = sms(msisdn, 2, 1, true);
    both.set(
        "iMSChargingInformation",
        call(msisdn, 605, 2, FRIEND, 60, 0).get("iMSChargingInformation"));
    ObjectNode twoGroups = sms(msisdn, 3, 1, true);
    twoGroups.withArray("multipleUnitUsage").addObject().put("ratingGroup", 51);
    ObjectNode tooManyParts = sms(msisdn, 4, 256, true);

    NchfClient.Reply smsUpdated = imsAndSmsf.update(held.reference(), sms(msisdn, 5, 1, false));
    List<NchfClient.Reply> refused =
        List.of(
            imsAndSmsf.create(callAsEvent),
            imsAndSmsf.create(both),
            imsAndSmsf.create(twoGroups),
            imsAndSmsf.create(tooManyParts),
            smsUpdated);

    assertThat(refused)
        .extracting(reply -> reply.json().path("invalidParams").get(0).path("param").asText())
        .containsExactly(
            "/oneTimeEvent",
            "/iMSChargingInformation",
            "/multipleUnitUsage",
            "/multipleUnitUsage/0/requestedUnit/serviceSpecificUnits",
            "/sMSChargingInformation");
    assertThat(refused).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(400));
    Balance balance = balance(msisdn);
    assertThat(balance.smsLeft()).as("only the held part").isEqualTo(4);
    assertThat(balance.voiceSecondsUsed()).isZero();
  }
}
