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
 * The PCEF side of the kill tests: sessions (CCR-I, four CCR-U, CCR-T, each reporting {@link #USED}
 * bytes of default traffic) run until the server dies, every request kept with whether it was
 * answered, and the retransmission (T flag) of those that were not.
 */
public final class PcefLoad {

  public static final long USED = 100 * 1024;
  private static final int REQUESTS_PER_SESSION = 6;
  private static final long DEFAULT_RATING_GROUP = 10;

  /** A request as the PCEF sent it, and its Result-Code ({@link #UNANSWERED} when none came). */
  public record Sent(
      String sessionId, int type, int number, String msisdn, long usedBytes, long resultCode) {

    public boolean answered() {
      return resultCode == SUCCESS;
    }

    public Sent answeredWith(long code) {
      return new Sent(sessionId, type, number, msisdn, usedBytes, code);
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
    while (true) {
      Session session = pcef.newSession();
      for (int number = 0; number < REQUESTS_PER_SESSION; number++) {
        Sent request = send(pcef, session, number, msisdn, timeout);
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
        Sent request = send(pcef, session, number, msisdn, timeout);
        sent.add(request);
        if (!request.answered()) {
          break;
        }
      }
    }
    return null;
  }

  private static Sent send(
      PcefSimulator pcef, Session session, int number, String msisdn, Duration timeout) {
    int type =
        number == 0
            ? GyAvp.INITIAL_REQUEST
            : number == REQUESTS_PER_SESSION - 1 ? GyAvp.TERMINATION_REQUEST : GyAvp.UPDATE_REQUEST;
    long used = number == 0 ? 0 : USED;
    long resultCode;
    try {
      resultCode =
          pcef.send(session, request(pcef, session, type, number, msisdn, used), timeout)
              .getResultCode()
              .getUnsigned32();
    } catch (RuntimeException | AvpDataException e) {
      resultCode = UNANSWERED;
    }
    return new Sent(session.getSessionId(), type, number, msisdn, used, resultCode);
  }

  /** Sends an unanswered request again, as the PCEF does once it reaches a server. */
  public static Answer retransmit(PcefSimulator pcef, Sent lost, Duration timeout) {
    Session session = pcef.session(lost.sessionId());
    Request request =
        request(pcef, session, lost.type(), lost.number(), lost.msisdn(), lost.usedBytes());
    request.setReTransmitted(true);
    return pcef.send(session, request, timeout);
  }

  private static Request request(
      PcefSimulator pcef, Session session, int type, int number, String msisdn, long used) {
    return pcef.creditControlRequest(
        session,
        type,
        number,
        msisdn,
        List.of(
            new Mscc(
                DEFAULT_RATING_GROUP, 1024 * 1024, type == GyAvp.INITIAL_REQUEST ? -1 : used)));
  }
}
