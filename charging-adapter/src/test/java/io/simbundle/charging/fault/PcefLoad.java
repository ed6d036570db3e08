package io.simbundle.charging.fault;

import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdiameter.api.Answer;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;

/**
 * The network side of the kill tests: data sessions (CCR-I, four CCR-U, CCR-T, each reporting
 * {@link #USED} bytes of default traffic), calls (the same, reporting {@link #TALKED} seconds each)
 * or SMS (one DIRECT_DEBITING event each) run until the server dies, every request kept with
 * whether it was answered, and the retransmission (T flag) of those that were not.
 */
public final class PcefLoad {

  public static final long USED = 100 * 1024;

  /** Talk time per report: whole minutes, so rounding adds nothing and sums compare exactly. */
  public static final long TALKED = 60;

  /** What a subscriber's load is made of. */
  public enum Service {
    DATA,
    VOICE,
    SMS
  }

  private static final int REQUESTS_PER_SESSION = 6;
  private static final long DEFAULT_RATING_GROUP = 10;

  /**
   * A request as it was sent, and its Result-Code ({@link #UNANSWERED} when none came).
   *
   * @param used what it reported: bytes, seconds or SMS, as its service counts
   */
  public record Sent(
      Service service,
      String sessionId,
      int type,
      int number,
      String msisdn,
      long used,
      long resultCode) {

    public boolean answered() {
      return resultCode == SUCCESS;
    }

    public Sent answeredWith(long code) {
      return new Sent(service, sessionId, type, number, msisdn, used, code);
    }
  }

  public static final long UNANSWERED = 0;
  private static final long SUCCESS = 2001;

  private PcefLoad() {}

  /**
   * Runs one subscriber's sessions until a request goes unanswered once {@code killed} is set; an
   * unanswered request before that fails the test.
   */
  public static Void runSessions(
      PcefSimulator pcef, String msisdn, AtomicBoolean killed, Queue<Sent> sent, Duration timeout) {
    return runSessions(pcef, Service.DATA, msisdn, killed, sent, timeout);
  }

  /**
   * Like {@link #runSessions(PcefSimulator, String, AtomicBoolean, Queue, Duration)}, of a service.
   */
  public static Void runSessions(
      PcefSimulator pcef,
      Service service,
      String msisdn,
      AtomicBoolean killed,
      Queue<Sent> sent,
      Duration timeout) {
    int perSession = service == Service.SMS ? 1 : REQUESTS_PER_SESSION;
    while (true) {
      Session session = pcef.newSession();
      for (int number = 0; number < perSession; number++) {
        Sent request = send(pcef, service, session, number, msisdn, timeout);
        sent.add(request);
        if (!request.answered()) {
          if (!killed.get()) {
            throw new AssertionError("a Gy request failed before the kill");
          }
          return null;
        }
      }
    }
  }

  /**
   * Runs one subscriber's sessions until {@code stopped}, through failures: a session with a
   * request not answered 2001 is left and a new one begun, as a PCEF whose credit-control failure
   * handling lets traffic go on.
   */
  public static Void runSessionsThroughFailures(
      PcefSimulator pcef,
      String msisdn,
      AtomicBoolean stopped,
      Queue<Sent> sent,
      Duration timeout) {
    while (!stopped.get()) {
      Session session = pcef.newSession();
      for (int number = 0; number < REQUESTS_PER_SESSION && !stopped.get(); number++) {
        Sent request = send(pcef, Service.DATA, session, number, msisdn, timeout);
        sent.add(request);
        if (!request.answered()) {
          break;
        }
      }
    }
    return null;
  }

  private static Sent send(
      PcefSimulator pcef,
      Service service,
      Session session,
      int number,
      String msisdn,
      Duration timeout) {
    int type =
        service == Service.SMS
            ? GyAvp.EVENT_REQUEST
            : number == 0
                ? GyAvp.INITIAL_REQUEST
                : number == REQUESTS_PER_SESSION - 1
                    ? GyAvp.TERMINATION_REQUEST
                    : GyAvp.UPDATE_REQUEST;
    long used =
        switch (service) {
          case SMS -> 1;
          case VOICE -> number == 0 ? 0 : TALKED;
          case DATA -> number == 0 ? 0 : USED;
        };
    Sent request =
        new Sent(service, session.getSessionId(), type, number, msisdn, used, UNANSWERED);
    long resultCode;
    try {
      resultCode =
          pcef.send(session, request(pcef, session, request), timeout)
              .getResultCode()
              .getUnsigned32();
    } catch (RuntimeException | AvpDataException e) {
      resultCode = UNANSWERED;
    }
    return request.answeredWith(resultCode);
  }

  /** Sends an unanswered request again, as the PCEF does once it reaches a server. */
  public static Answer retransmit(PcefSimulator pcef, Sent lost, Duration timeout) {
    Session session = pcef.session(lost.sessionId());
    Request request = request(pcef, session, lost);
    request.setReTransmitted(true);
    return pcef.send(session, request, timeout);
  }

  private static Request request(PcefSimulator pcef, Session session, Sent sent) {
    int type = sent.type();
    return switch (sent.service()) {
      case SMS ->
          pcef.smsEvent(session, sent.number(), sent.msisdn(), GyAvp.DIRECT_DEBITING, 1, 50);
      case VOICE ->
          pcef.voiceCall(
              session,
              type,
              sent.number(),
              sent.msisdn(),
              "8613800000000",
              type == GyAvp.TERMINATION_REQUEST ? -1 : 0,
              type == GyAvp.INITIAL_REQUEST ? -1 : sent.used());
      case DATA ->
          pcef.creditControlRequest(
              session,
              type,
              sent.number(),
              sent.msisdn(),
              List.of(
                  new Mscc(
                      DEFAULT_RATING_GROUP,
                      1024 * 1024,
                      type == GyAvp.INITIAL_REQUEST ? -1 : sent.used())));
    };
  }
}
