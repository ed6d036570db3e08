package io.simbundle.provisioning.demo;

import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import java.io.PrintStream;
import java.util.List;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.Session;

/**
 * The WeChat Wo subscriber back on 4G after the 5G leg: a new Gy session finds WeChat still free
 * and the allowance spent — by both cores together, so the PGW is refused what the SMF took.
 */
final class BackOnFourG {

  /** DIAMETER_CREDIT_LIMIT_REACHED (RFC 4006 8.1): nothing left to grant. */
  static final long CREDIT_LIMIT_REACHED = 4012;

  private static final long ASK = 10 * GyTraffic.MB;

  private final DiameterIdentity server;
  private final long run;
  private final PrintStream out;

  /**
   * What the PGW was answered.
   *
   * @param weChatBytes WeChat granted, reported and zero-rated on the way back
   * @param defaultResultCode the default traffic's MSCC Result-Code: 4012 once the allowance is
   *     spent
   */
  record Figures(long weChatBytes, long defaultResultCode) {}

  BackOnFourG(DiameterIdentity server, long run, PrintStream out) {
    this.server = server;
    this.run = run;
    this.out = out;
  }

  Figures drive(String msisdn) {
    try (PcefSimulator pcef = GyTraffic.connect(server, "pgw-demo-back-" + run, out)) {
      Session session = pcef.newSession();
      AnswerView initial =
          GyTraffic.send(
              pcef,
              session,
              GyAvp.INITIAL_REQUEST,
              0,
              msisdn,
              List.of(new Mscc(GyTraffic.WECHAT, ASK, -1), new Mscc(GyTraffic.DEFAULT, ASK, -1)));
      long weChat = initial.mscc(GyTraffic.WECHAT).grantedBytes();
      long refused = initial.mscc(GyTraffic.DEFAULT).resultCode();
      line(
          "CCR-I (back on 4G)",
          "→ %d: WeChat granted %d MB, still free; default traffic → %d%s",
          initial.resultCode(),
          weChat / GyTraffic.MB,
          refused,
          refused == CREDIT_LIMIT_REACHED ? ", the allowance both cores shared is spent" : "");
      AnswerView terminated =
          GyTraffic.send(
              pcef,
              session,
              GyAvp.TERMINATION_REQUEST,
              1,
              msisdn,
              List.of(new Mscc(GyTraffic.WECHAT, -1, weChat)));
      line("CCR-T", "WeChat %d MB reported → %d", weChat / GyTraffic.MB, terminated.resultCode());
      return new Figures(weChat, refused);
    } catch (AvpDataException e) {
      throw new DemoFailure("an answer the PCEF cannot read: " + e.getMessage(), e);
    }
  }

  private void line(String what, String format, Object... args) {
    out.printf("  %-22s %s%n", what + ":", format.formatted(args));
  }
}
