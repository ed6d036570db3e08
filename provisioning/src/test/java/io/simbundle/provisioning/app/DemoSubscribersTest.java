package io.simbundle.provisioning.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.Balance;
import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.charging.store.UsageRecord;
import io.simbundle.platform.net.FreePort;
import io.simbundle.platform.testing.EngineTest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.jdiameter.api.Answer;
import org.jdiameter.api.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine starts its Gy server with the demo subscribers charged as the README says. */
@EngineTest
class DemoSubscribersTest {

  private static final long MB = 1024 * 1024;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static TestEngine engine;
  private static PcefSimulator pcef;

  @BeforeAll
  static void start() throws IOException {
    engine = TestEngine.start("demo_subscribers");
    int port = FreePort.next();
    pcef =
        PcefSimulator.connect(
            new DiameterIdentity(
                "pgw.pcef.simbundle.local", "pcef.simbundle.local", "127.0.0.1", port),
            engine.settings().gy().identity(),
            TIMEOUT);
  }

  @AfterAll
  static void stop() {
    pcef.close();
    engine.close();
  }

  private static Answer send(Session session, int type, int number, String msisdn, Mscc... mscc) {
    return pcef.send(
        session, pcef.creditControlRequest(session, type, number, msisdn, List.of(mscc)), TIMEOUT);
  }

  @Test
  void weChatWoSubscriberGetsWeChatFreeAndVideoCallsCharged() throws Exception {
    Session session = pcef.newSession();
    Answer initial =
        send(
            session,
            GyAvp.INITIAL_REQUEST,
            0,
            DemoSubscribers.WECHAT_WO,
            new Mscc(1000, 5 * MB, -1),
            new Mscc(1001, 5 * MB, -1));
    send(
        session,
        GyAvp.TERMINATION_REQUEST,
        1,
        DemoSubscribers.WECHAT_WO,
        new Mscc(1000, -1, 4 * MB),
        new Mscc(1001, -1, 1 * MB));

    assertThat(initial.getResultCode().getUnsigned32()).isEqualTo(2001);
    List<UsageRecord> usage = engine.engine().charging().usage(DemoSubscribers.WECHAT_WO);
    assertThat(usage)
        .extracting(UsageRecord::ratingGroup, UsageRecord::paidByKind, UsageRecord::partnerCode)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(1000L, "ZERO_RATED", "tencent"),
            org.assertj.core.groups.Tuple.tuple(1001L, "ALLOWANCE", ""));
    Balance balance = engine.engine().charging().balance(DemoSubscribers.WECHAT_WO).orElseThrow();
    assertThat(balance.allowanceBytes()).isEqualTo(500 * MB);
    assertThat(balance.allowanceUsedBytes()).isEqualTo(1 * MB);
  }

  @Test
  void yixinSubscriberHoldsTheMonthlyGiftAndThePlainOneNothing() {
    Balance yixin = engine.engine().charging().balance(DemoSubscribers.YIXIN).orElseThrow();
    Balance plain = engine.engine().charging().balance(DemoSubscribers.PLAIN).orElseThrow();

    assertThat(yixin.giftsLeftBytes()).containsEntry("yixin-monthly-gift", 500 * MB);
    assertThat(yixin.allowanceBytes()).isEqualTo(300 * MB);
    assertThat(yixin.smsPerCycle()).isEqualTo(30);
    assertThat(plain.giftsLeftBytes()).isEmpty();
    assertThat(plain.allowanceBytes()).isEqualTo(2048 * MB);
  }
}
