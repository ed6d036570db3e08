package io.simbundle.provisioning.demo;

import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PrimitiveIterator;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.Session;

/**
 * The demo's PCEF: one Gy session of the WeChat Wo subscriber — WeChat traffic, default traffic
 * that spends the gifts, a WeChat video call, then default traffic until the Final-Unit-Indication
 * — and one of the Yixin subscriber.
 */
final class GyTraffic {

  static final long MB = 1024L * 1024L;
  static final long DEFAULT = 10;
  static final long WECHAT = 1000;
  static final long WECHAT_VIDEO = 1001;
  static final long YIXIN = 2000;

  /** Whom the demo subscriber calls. */
  static final String CALLED = "8613800138000";

  /**
   * A number behind NetEase's Yixin call gateway (access code 12593): its minutes are sponsored.
   */
  static final String YIXIN_GATEWAY = "86125930000001";

  /** The rating group the SMSC charges SMS under. */
  static final long SMS = 50;

  private static final long ASK = 10 * MB;
  private static final int WECHAT_UPDATES = 10;
  private static final Duration TX = Duration.ofSeconds(5);
  private static final int ATTEMPTS = 3;

  /** Far more updates than any demo allowance needs; a guard against granting forever. */
  private static final int MAX_UPDATES = 10_000;

  /**
   * What the traffic came to.
   *
   * @param weChatBytes WeChat bytes reported (zero-rated)
   * @param giftBytes default bytes reported while the gifts lasted
   * @param videoBytes video-call bytes reported (charged)
   * @param yixinBytes Yixin bytes reported (paid by the gift)
   * @param defaultBytes default bytes reported after the gifts, until the final units were used
   * @param updates CCR-Us sent for default traffic
   * @param finalUnitAction the Final-Unit-Action of the last default grant (0 = TERMINATE)
   */
  public record Figures(
      long weChatBytes,
      long giftBytes,
      long videoBytes,
      long yixinBytes,
      long defaultBytes,
      int updates,
      int finalUnitAction,
      int smsSent,
      long callSeconds) {}

  private record DefaultTraffic(long bytes, int updates, int finalUnitAction) {}

  private final DiameterIdentity server;
  private final ToLongFunction<String> giftsLeft;
  private final long run;
  private final PrintStream out;

  /**
   * @param giftsLeft the bytes left in a subscriber's gifts, as the operator reads them
   */
  GyTraffic(DiameterIdentity server, ToLongFunction<String> giftsLeft, long run, PrintStream out) {
    this.server = server;
    this.giftsLeft = giftsLeft;
    this.run = run;
    this.out = out;
  }

  Figures drive(String weChatMsisdn, String yixinMsisdn) {
    try (PcefSimulator pcef = connect(server, "pgw-demo-" + run, out)) {
      return new Conversation(pcef).run(weChatMsisdn, yixinMsisdn);
    } catch (AvpDataException e) {
      throw new DemoFailure("an answer the PCEF cannot read: " + e.getMessage(), e);
    }
  }

  /** A PCEF named {@code name} connected to the engine's Gy, as the demo prints it. */
  static PcefSimulator connect(DiameterIdentity server, String name, PrintStream out) {
    DiameterIdentity self =
        new DiameterIdentity(
            name + ".pcef.simbundle.local", "pcef.simbundle.local", "127.0.0.1", freePort());
    out.printf("%n  PCEF %s connects to %s over Diameter (CER/CEA)%n", self.host(), server.host());
    return PcefSimulator.connect(self, server, Duration.ofSeconds(15));
  }

  /** The requests of one PCEF connection. */
  private final class Conversation {
    private final PcefSimulator pcef;
    private long giftBytes;

    /** CC-Request-Numbers of the WeChat Wo session, after its initial request's 0. */
    private final PrimitiveIterator.OfInt requests = IntStream.iterate(1, n -> n + 1).iterator();

    Conversation(PcefSimulator pcef) {
      this.pcef = pcef;
    }

    Figures run(String weChat, String yixin) throws AvpDataException {
      Session session = pcef.newSession();
      AnswerView initial =
          send(
              session,
              GyAvp.INITIAL_REQUEST,
              0,
              weChat,
              List.of(new Mscc(WECHAT, ASK, -1), new Mscc(DEFAULT, ASK, -1)));
      print("CCR-I " + weChat, initial, List.of(WECHAT, DEFAULT));
      long weChatBytes = 0;
      long weChatGranted = initial.mscc(WECHAT).grantedBytes();
      for (int update = 0; update < WECHAT_UPDATES; update++) {
        AnswerView answer = update(session, weChat, new Mscc(WECHAT, ASK, weChatGranted));
        weChatBytes += weChatGranted;
        weChatGranted = answer.mscc(WECHAT).grantedBytes();
      }
      line(
          "CCR-U ×" + WECHAT_UPDATES,
          "WeChat %d MB (rating group %d): granted without debit",
          weChatBytes / MB,
          WECHAT);
      long granted = spendGifts(session, weChat, initial.mscc(DEFAULT).grantedBytes());
      long videoBytes = videoCall(session, weChat);
      DefaultTraffic defaults = untilFinalUnits(session, weChat, granted);
      long yixinBytes = yixinSession(yixin);
      int smsSent = sms(weChat);
      long callSeconds = call(weChat);
      yixinCall(yixin);
      return new Figures(
          weChatBytes,
          giftBytes,
          videoBytes,
          yixinBytes,
          defaults.bytes(),
          defaults.updates(),
          defaults.finalUnitAction(),
          smsSent,
          callSeconds);
    }

    /**
     * A call on Ro as the IMS core charges it (3GPP TS 32.260): 95 s of talk, charged as two
     * started minutes of the plan.
     *
     * @return the seconds talked
     */
    private long call(String msisdn) throws AvpDataException {
      Session session = pcef.newSession();
      AnswerView answered = callRequest(session, GyAvp.INITIAL_REQUEST, 0, msisdn, 0, -1);
      callRequest(session, GyAvp.UPDATE_REQUEST, 1, msisdn, 0, 95);
      AnswerView hungUp = callRequest(session, GyAvp.TERMINATION_REQUEST, 2, msisdn, -1, 0);
      line(
          "CCR-I/U/T",
          "a 95 s call to %s: %d s granted at a time, two started minutes charged → %d",
          CALLED,
          answered.mscc(PcefSimulator.VOICE_RATING_GROUP).grantedSeconds(),
          hungUp.resultCode());
      return 95;
    }

    /**
     * A Yixin call through NetEase's gateway: 150 s, three started minutes paid from the minutes
     * NetEase sponsors, not from the plan's.
     */
    private void yixinCall(String msisdn) throws AvpDataException {
      Session session = pcef.newSession();
      callRequest(session, GyAvp.INITIAL_REQUEST, 0, msisdn, YIXIN_GATEWAY, 0, -1);
      AnswerView hungUp =
          callRequest(session, GyAvp.TERMINATION_REQUEST, 1, msisdn, YIXIN_GATEWAY, -1, 150);
      line(
          "CCR-I/T",
          "a 150 s Yixin call to %s: three minutes NetEase sponsors, none of the plan's → %d",
          YIXIN_GATEWAY,
          hungUp.resultCode());
    }

    private AnswerView callRequest(
        Session session, int type, int number, String msisdn, long requested, long used)
        throws AvpDataException {
      return callRequest(session, type, number, msisdn, CALLED, requested, used);
    }

    private AnswerView callRequest(
        Session session,
        int type,
        int number,
        String msisdn,
        String called,
        long requested,
        long used)
        throws AvpDataException {
      AnswerView answer =
          new AnswerView(
              pcef.sendRetransmitting(
                  session,
                  () -> pcef.voiceCall(session, type, number, msisdn, called, requested, used),
                  TX,
                  ATTEMPTS));
      if (answer.resultCode() != 2001) {
        throw new DemoFailure("the call was answered Result-Code " + answer.resultCode());
      }
      return answer;
    }

    /**
     * Two SMS as the SMSC charges them (3GPP TS 32.274, RFC 4006 events): one delivered, one
     * debited, not delivered and refunded.
     *
     * @return how many SMS were charged in the end
     */
    private int sms(String msisdn) throws AvpDataException {
      Session delivered = pcef.newSession();
      smsEvent(delivered, 0, msisdn, GyAvp.DIRECT_DEBITING);
      Session undelivered = pcef.newSession();
      smsEvent(undelivered, 0, msisdn, GyAvp.DIRECT_DEBITING);
      AnswerView refund = smsEvent(undelivered, 1, msisdn, GyAvp.REFUND_ACCOUNT);
      line(
          "CCR-E ×3",
          "two SMS debited from the plan's SMS (Requested-Action DIRECT_DEBITING), the"
              + " undelivered one refunded (REFUND_ACCOUNT) → %d",
          refund.resultCode());
      return 1;
    }

    private AnswerView smsEvent(Session session, int number, String msisdn, int action)
        throws AvpDataException {
      AnswerView answer =
          new AnswerView(
              pcef.sendRetransmitting(
                  session,
                  () -> pcef.smsEvent(session, number, msisdn, action, 1, SMS),
                  TX,
                  ATTEMPTS));
      if (answer.resultCode() != 2001) {
        throw new DemoFailure("the SMS event was answered Result-Code " + answer.resultCode());
      }
      return answer;
    }

    /**
     * Reports default traffic worth the subscriber's gifts, which pay before the allowance.
     *
     * @return the default quota granted last and not yet used
     */
    private long spendGifts(Session session, String msisdn, long granted) throws AvpDataException {
      long gifts = giftsLeft.applyAsLong(msisdn);
      long reported = 0;
      int updates = 0;
      while (reported < gifts) {
        long used = Math.min(granted, gifts - reported);
        AnswerView answer = update(session, msisdn, new Mscc(DEFAULT, ASK, used));
        reported += used;
        updates++;
        granted = answer.mscc(DEFAULT).grantedBytes();
      }
      giftBytes = reported;
      if (updates > 0) {
        line(
            "CCR-U ×" + updates,
            "default traffic %d MB (rating group %d): the gifts pay before the allowance",
            reported / MB,
            DEFAULT);
      }
      return granted;
    }

    /** Asks for video-call quota and reports it used: the allowance pays, the gifts being gone. */
    private long videoCall(Session session, String msisdn) throws AvpDataException {
      AnswerView asked = update(session, msisdn, new Mscc(WECHAT_VIDEO, ASK, -1));
      long videoBytes = asked.mscc(WECHAT_VIDEO).grantedBytes();
      AnswerView used = update(session, msisdn, new Mscc(WECHAT_VIDEO, -1, videoBytes));
      line(
          "CCR-U ×2",
          "a WeChat video call of %d MB (rating group %d) reported → %d",
          videoBytes / MB,
          WECHAT_VIDEO,
          used.resultCode());
      return videoBytes;
    }

    /** Reports default traffic grant by grant until a grant carries the Final-Unit-Indication. */
    private DefaultTraffic untilFinalUnits(Session session, String msisdn, long granted)
        throws AvpDataException {
      long reported = 0;
      int updates = 0;
      Optional<Integer> finalAction = Optional.empty();
      while (finalAction.isEmpty()) {
        if (updates == MAX_UPDATES) {
          throw new DemoFailure("no Final-Unit-Indication after " + MAX_UPDATES + " updates");
        }
        AnswerView answer = update(session, msisdn, new Mscc(DEFAULT, ASK, granted));
        reported += granted;
        updates++;
        AnswerView.Mscc mscc = answer.mscc(DEFAULT);
        if (mscc.resultCode() != 2001) {
          throw new DemoFailure("default traffic refused with " + mscc.resultCode());
        }
        granted = mscc.grantedBytes();
        finalAction = mscc.finalUnitAction();
      }
      AnswerView terminated =
          send(
              session,
              GyAvp.TERMINATION_REQUEST,
              requests.next(),
              msisdn,
              List.of(new Mscc(DEFAULT, -1, granted)));
      reported += granted;
      line(
          "CCR-U ×" + updates,
          "default traffic (rating group %d), %d MB: the last grant of %d MB carried"
              + " Final-Unit-Indication %s",
          DEFAULT,
          reported / MB,
          granted / MB,
          finalAction.get() == 0 ? "TERMINATE" : "action " + finalAction.get());
      line("CCR-T", "final units used, session closed → %d", terminated.resultCode());
      return new DefaultTraffic(reported, updates, finalAction.get());
    }

    private long yixinSession(String msisdn) throws AvpDataException {
      Session session = pcef.newSession();
      AnswerView initial =
          send(session, GyAvp.INITIAL_REQUEST, 0, msisdn, List.of(new Mscc(YIXIN, ASK, -1)));
      print("CCR-I " + msisdn, initial, List.of(YIXIN));
      long used = initial.mscc(YIXIN).grantedBytes();
      AnswerView terminated =
          send(session, GyAvp.TERMINATION_REQUEST, 1, msisdn, List.of(new Mscc(YIXIN, -1, used)));
      line("CCR-T", "Yixin %d MB reported → %d", used / MB, terminated.resultCode());
      return used;
    }

    /** A CCR-U of the WeChat Wo session with one MSCC. */
    private AnswerView update(Session session, String msisdn, Mscc mscc) throws AvpDataException {
      return send(session, GyAvp.UPDATE_REQUEST, requests.next(), msisdn, List.of(mscc));
    }

    private AnswerView send(
        Session session, int type, int number, String msisdn, List<Mscc> services)
        throws AvpDataException {
      return GyTraffic.send(pcef, session, type, number, msisdn, services);
    }

    private void print(String what, AnswerView answer, List<Long> ratingGroups)
        throws AvpDataException {
      List<String> grants = new ArrayList<>();
      for (long ratingGroup : ratingGroups) {
        grants.add(
            "%d: %d MB".formatted(ratingGroup, answer.mscc(ratingGroup).grantedBytes() / MB));
      }
      line(what, "→ %d, granted %s", answer.resultCode(), String.join(", ", grants));
    }
  }

  /**
   * A CCR sent until answered (retransmitted with the T flag, as a PCEF does); anything but 2001 at
   * command level stops the demo.
   */
  static AnswerView send(
      PcefSimulator pcef, Session session, int type, int number, String msisdn, List<Mscc> services)
      throws AvpDataException {
    AnswerView answer =
        new AnswerView(
            pcef.sendRetransmitting(
                session,
                () -> pcef.creditControlRequest(session, type, number, msisdn, services),
                TX,
                ATTEMPTS));
    if (answer.resultCode() != 2001) {
      throw new DemoFailure("Gy answered Result-Code " + answer.resultCode());
    }
    return answer;
  }

  private void line(String what, String format, Object... args) {
    out.printf("  %-22s %s%n", what + ":", format.formatted(args));
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
