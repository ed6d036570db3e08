package io.simbundle.charging.wire;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.wire.WireMessage.Avp;
import io.simbundle.platform.testing.EngineTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of message the engine writes on Gy, read as raw bytes from a plain socket and counted
 * AVP by AVP against its ABNF: what a strict PCEF or Diameter agent accepts.
 */
@EngineTest
class AnswerGrammarTest {

  private static final String MSISDN = "8618600000777";
  private static final String SMS_SENDER = "8618600000778";
  private static final String CALLER = "8618600000779";
  private static final int CREDIT_CONTROL = GyAvp.CREDIT_CONTROL_COMMAND;
  private static final long GY = GyAvp.CREDIT_CONTROL_APPLICATION;

  private ChargingFixture fixture;
  private WirePeer peer;

  @BeforeEach
  void start() throws Exception {
    fixture =
        ChargingFixture.start(
            "grammar",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.of("http://top-up.simbundle.local/"),
            Clock.systemUTC());
    fixture.charging().install(ChargingFixture.plainProfile(MSISDN, 3 * MB));
    peer =
        WirePeer.connect(
            fixture.charging().identity().port(),
            "pgw-wire.pcef.simbundle.local",
            "pcef.simbundle.local",
            Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws Exception {
    peer.close();
    fixture.close();
  }

  @Test
  void everyAnswerAndRequestTheEngineWritesFollowsItsGrammar() throws Exception {
    WireMessage cea = peer.exchangeCapabilities();
    assertFollows(DiameterGrammars.capabilitiesExchangeAnswer(), cea, 2001);

    String session = peer.newSessionId();
    WireMessage initial =
        peer.ask(CREDIT_CONTROL, GY, peer.creditControlRequest(session, 1, 0, MSISDN, MB, -1));
    assertFollows(DiameterGrammars.creditControlAnswer(), initial, 2001);
    assertThat(initial.flags() & WireMessage.PROXIABLE).as("CCA is proxiable").isNotZero();
    assertThat(initial.all(GyAvp.AUTH_APPLICATION_ID)).hasSize(1);
    assertThat(initial.first(GyAvp.CC_SESSION_FAILOVER).orElseThrow().unsigned32())
        .isEqualTo(GyAvp.FAILOVER_SUPPORTED);

    // Most of the allowance used: the last units are granted with a Final-Unit-Indication.
    WireMessage lastUnits =
        peer.ask(
            CREDIT_CONTROL, GY, peer.creditControlRequest(session, 2, 1, MSISDN, 10 * MB, 2 * MB));
    assertFollows(DiameterGrammars.creditControlAnswer(), lastUnits, 2001);
    Avp mscc = lastUnits.first(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL).orElseThrow();
    assertThat(mscc.children())
        .extracting(Avp::code)
        .contains(GyAvp.FINAL_UNIT_INDICATION, GyAvp.GRANTED_SERVICE_UNIT);

    // The profile changes while the session is open: the engine asks the PCEF to re-authorize.
    fixture.charging().install(ChargingFixture.plainProfile(MSISDN, 50 * MB));
    WireMessage rar = peer.read();
    assertThat(rar.isRequest()).isTrue();
    assertThat(rar.command()).isEqualTo(GyAvp.RE_AUTH_COMMAND);
    assertThat(rar.flags() & WireMessage.PROXIABLE).as("RAR is proxiable").isNotZero();
    assertThat(DiameterGrammars.reAuthRequest().violations(rar.avps())).isEmpty();
    peer.send(
        new WireMessage(
            WireMessage.PROXIABLE,
            GyAvp.RE_AUTH_COMMAND,
            GY,
            rar.hopByHop(),
            rar.endToEnd(),
            List.of(
                rar.first(GyAvp.SESSION_ID).orElseThrow(),
                Avp.unsigned32(GyAvp.RESULT_CODE, 2001),
                Avp.utf8(GyAvp.ORIGIN_HOST, peer.host()),
                Avp.utf8(GyAvp.ORIGIN_REALM, peer.realm()))));

    WireMessage termination =
        peer.ask(CREDIT_CONTROL, GY, peer.creditControlRequest(session, 3, 2, MSISDN, 0, MB));
    assertFollows(DiameterGrammars.creditControlAnswer(), termination, 2001);

    // An SMS (3GPP TS 32.274): priced, checked and debited as RFC 4006 events.
    fixture.charging().install(ChargingFixture.plainProfile(SMS_SENDER, MB).withSmsPerCycle(1));
    for (int action : new int[] {GyAvp.PRICE_ENQUIRY, GyAvp.CHECK_BALANCE, GyAvp.DIRECT_DEBITING}) {
      WireMessage sms =
          peer.ask(CREDIT_CONTROL, GY, peer.smsEvent(peer.newSessionId(), action, SMS_SENDER));
      assertFollows(DiameterGrammars.creditControlAnswer(), sms, 2001);
    }
    WireMessage noneLeft =
        peer.ask(
            CREDIT_CONTROL,
            GY,
            peer.smsEvent(peer.newSessionId(), GyAvp.DIRECT_DEBITING, SMS_SENDER));
    assertFollows(DiameterGrammars.creditControlAnswer(), noneLeft, 4012);

    // A call on Ro (3GPP TS 32.260): time granted, the last of it with final units, then 4012.
    fixture.charging().install(ChargingFixture.plainProfile(CALLER, MB).withVoice(360, 60));
    String call = peer.newSessionId();
    WireMessage talk =
        peer.ask(CREDIT_CONTROL, GY, peer.voiceCall(call, GyAvp.INITIAL_REQUEST, 0, CALLER, -1));
    assertFollows(DiameterGrammars.creditControlAnswer(), talk, 2001);
    WireMessage lastMinute =
        peer.ask(CREDIT_CONTROL, GY, peer.voiceCall(call, GyAvp.UPDATE_REQUEST, 1, CALLER, 300));
    assertFollows(DiameterGrammars.creditControlAnswer(), lastMinute, 2001);
    assertThat(lastMinute.first(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL).orElseThrow().children())
        .extracting(Avp::code)
        .contains(GyAvp.FINAL_UNIT_INDICATION, GyAvp.GRANTED_SERVICE_UNIT);
    WireMessage noMore =
        peer.ask(CREDIT_CONTROL, GY, peer.voiceCall(call, GyAvp.UPDATE_REQUEST, 2, CALLER, 60));
    assertFollows(DiameterGrammars.creditControlAnswer(), noMore, 4012);
    WireMessage hungUp =
        peer.ask(CREDIT_CONTROL, GY, peer.voiceCall(call, GyAvp.TERMINATION_REQUEST, 3, CALLER, 0));
    assertFollows(DiameterGrammars.creditControlAnswer(), hungUp, 2001);

    WireMessage unknown =
        peer.ask(
            CREDIT_CONTROL,
            GY,
            peer.creditControlRequest(peer.newSessionId(), 1, 0, "8610000000000", MB, -1));
    assertFollows(DiameterGrammars.creditControlAnswer(), unknown, 5030);

    List<Avp> noSubscriber =
        peer.creditControlRequest(peer.newSessionId(), 1, 0, MSISDN, MB, -1).stream()
            .filter(avp -> avp.code() != GyAvp.SUBSCRIPTION_ID)
            .toList();
    WireMessage missing = peer.ask(CREDIT_CONTROL, GY, noSubscriber);
    assertFollows(DiameterGrammars.creditControlAnswer(), missing, 5005);
    assertThat(missing.first(GyAvp.FAILED_AVP).orElseThrow().children())
        .extracting(Avp::code)
        .containsExactly(GyAvp.SUBSCRIPTION_ID);

    WireMessage dwa =
        peer.ask(
            WirePeer.DEVICE_WATCHDOG,
            0,
            List.of(
                Avp.utf8(GyAvp.ORIGIN_HOST, peer.host()),
                Avp.utf8(GyAvp.ORIGIN_REALM, peer.realm())));
    assertFollows(DiameterGrammars.deviceWatchdogAnswer(), dwa, 2001);

    WireMessage dpa =
        peer.ask(
            WirePeer.DISCONNECT_PEER,
            0,
            List.of(
                Avp.utf8(GyAvp.ORIGIN_HOST, peer.host()),
                Avp.utf8(GyAvp.ORIGIN_REALM, peer.realm()),
                Avp.unsigned32(273, 0)));
    assertFollows(DiameterGrammars.disconnectPeerAnswer(), dpa, 2001);
  }

  static void assertFollows(Grammar grammar, WireMessage answer, long resultCode) {
    assertThat(answer.isRequest()).isFalse();
    assertThat(grammar.violations(answer.avps())).isEmpty();
    assertThat(answer.first(GyAvp.RESULT_CODE).orElseThrow().unsigned32()).isEqualTo(resultCode);
  }
}
