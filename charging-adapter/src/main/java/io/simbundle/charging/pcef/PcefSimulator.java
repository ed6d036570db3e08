package io.simbundle.charging.pcef;

import io.simbundle.charging.gy.DiameterIdentity;
import io.simbundle.charging.gy.GyAvp;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.jdiameter.api.Answer;
import org.jdiameter.api.ApplicationId;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.DisconnectCause;
import org.jdiameter.api.Mode;
import org.jdiameter.api.Peer;
import org.jdiameter.api.PeerState;
import org.jdiameter.api.PeerTable;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;
import org.jdiameter.api.SessionFactory;
import org.jdiameter.api.Stack;
import org.jdiameter.client.impl.StackImpl;
import org.jdiameter.client.impl.helpers.XMLConfiguration;

/**
 * A Gy client that plays a PCEF (a GGSN or PGW): it connects to the charging server and sends
 * Credit-Control-Requests for its subscribers' data sessions. Used by the tests, the demo and the
 * load benchmark.
 */
public final class PcefSimulator implements AutoCloseable {

  private static final int CONNECT_ATTEMPTS = 3;

  private static final ApplicationId CREDIT_CONTROL =
      ApplicationId.createByAuthAppId(GyAvp.CREDIT_CONTROL_APPLICATION);

  private final Stack stack;
  private final SessionFactory sessions;
  private final DiameterIdentity self;
  private final DiameterIdentity server;

  private final LinkedBlockingQueue<String> reAuthorized;
  private volatile boolean toRealmOnly;

  private PcefSimulator(
      Stack stack,
      SessionFactory sessions,
      DiameterIdentity self,
      DiameterIdentity server,
      LinkedBlockingQueue<String> reAuthorized) {
    this.stack = stack;
    this.sessions = sessions;
    this.self = self;
    this.server = server;
    this.reAuthorized = reAuthorized;
  }

  /**
   * The Session-Id of the next Re-Auth-Request the server sent (it is answered with 2001), or empty
   * when none came within {@code timeout}.
   */
  public Optional<String> nextReAuthorization(Duration timeout) throws InterruptedException {
    return Optional.ofNullable(reAuthorized.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
  }

  /**
   * Connects (CER/CEA) and returns once the server peer is up. Like a PCEF's Tc timer, a
   * capabilities exchange that does not complete is tried again on a fresh connection: a server
   * still closing the previous connection of the same identity may let the first CER go unanswered.
   */
  public static PcefSimulator connect(
      DiameterIdentity self, DiameterIdentity server, Duration timeout) {
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= CONNECT_ATTEMPTS; attempt++) {
      try {
        return connectOnce(self, server, timeout.dividedBy(CONNECT_ATTEMPTS));
      } catch (IllegalStateException e) {
        last = e;
        pause(Duration.ofMillis(200));
      }
    }
    throw last;
  }

  private static PcefSimulator connectOnce(
      DiameterIdentity self, DiameterIdentity server, Duration timeout) {
    Stack stack = new StackImpl();
    try {
      SessionFactory sessions =
          stack.init(
              new XMLConfiguration(
                  new ByteArrayInputStream(
                      ClientConfiguration.of(self, server).getBytes(StandardCharsets.UTF_8))));
      LinkedBlockingQueue<String> reAuthorized = new LinkedBlockingQueue<>();
      stack.start(Mode.ALL_PEERS, timeout.toMillis(), TimeUnit.MILLISECONDS);
      awaitPeerUp(stack, timeout);
      return new PcefSimulator(stack, sessions, self, server, reAuthorized);
    } catch (Exception e) {
      try {
        stack.stop(1, TimeUnit.SECONDS, DisconnectCause.REBOOTING);
      } catch (Exception ignored) {
        // Not started: nothing to stop.
      }
      stack.destroy();
      throw new IllegalStateException("the PCEF could not connect: " + e.getMessage(), e);
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns once the capabilities exchange with the server is done (the peer is OKAY). */
  private static void awaitPeerUp(Stack stack, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    PeerTable peers = stack.unwrap(PeerTable.class);
    while (System.nanoTime() < deadline) {
      boolean up = !peers.getPeerTable().isEmpty();
      for (Peer peer : peers.getPeerTable()) {
        up &= peer.getState(PeerState.class) == PeerState.OKAY;
      }
      if (up) {
        return;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("the charging server did not answer the CER in " + timeout);
  }

  /** A new Gy session (a new Session-Id). */
  public Session newSession() {
    try {
      return listening(sessions.getNewSession());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Answers the server's Re-Auth-Requests for the session (2001) and notes them. */
  private Session listening(Session session) {
    session.setRequestListener(
        request -> {
          reAuthorized.add(request.getSessionId());
          Answer answer = request.createAnswer(2001);
          answer.getAvps().addAvp(GyAvp.ORIGIN_HOST, self.host(), true, false, true);
          answer.getAvps().addAvp(GyAvp.ORIGIN_REALM, self.realm(), true, false, true);
          return answer;
        });
    return session;
  }

  /** The Gy session with a known Session-Id, e.g. to retransmit after reconnecting. */
  public Session session(String sessionId) {
    try {
      return listening(sessions.getNewSession(sessionId));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends requests to the realm only, without Destination-Host, as a PCEF does when a Diameter
   * agent picks the server.
   */
  public PcefSimulator toRealmOnly() {
    toRealmOnly = true;
    return this;
  }

  /** A Credit-Control-Request of the given type and number in {@code session}, with no MSCC. */
  public Request creditControlRequest(Session session, int requestType, int requestNumber) {
    return creditControlRequest(session, requestType, requestNumber, "32251@3gpp.org");
  }

  private Request creditControlRequest(
      Session session, int requestType, int requestNumber, String serviceContextId) {
    Request request =
        toRealmOnly
            ? session.createRequest(GyAvp.CREDIT_CONTROL_COMMAND, CREDIT_CONTROL, server.realm())
            : session.createRequest(
                GyAvp.CREDIT_CONTROL_COMMAND, CREDIT_CONTROL, server.realm(), server.host());
    // CCR is proxiable (RFC 4006 3.1): an agent may relay it.
    request.setProxiable(true);
    AvpSet avps = request.getAvps();
    // createRequest adds one already; RFC 4006 3.1 allows exactly one.
    avps.removeAvp(GyAvp.AUTH_APPLICATION_ID);
    avps.addAvp(GyAvp.AUTH_APPLICATION_ID, GyAvp.CREDIT_CONTROL_APPLICATION, true, false, true);
    avps.addAvp(GyAvp.SERVICE_CONTEXT_ID, serviceContextId, false);
    avps.addAvp(GyAvp.CC_REQUEST_TYPE, requestType, true, false, true);
    avps.addAvp(GyAvp.CC_REQUEST_NUMBER, requestNumber, true, false, true);
    return request;
  }

  /**
   * One Multiple-Services-Credit-Control to send; a negative amount leaves its unit out.
   *
   * @param serviceIdentifier the Service-Identifier the PCEF's deep packet inspection found, if any
   */
  public record Mscc(
      long ratingGroup, Optional<Long> serviceIdentifier, long requestedBytes, long usedBytes) {

    public Mscc(long ratingGroup, long requestedBytes, long usedBytes) {
      this(ratingGroup, Optional.empty(), requestedBytes, usedBytes);
    }
  }

  /** A Credit-Control-Request for a subscriber (E.164) with the given services. */
  public Request creditControlRequest(
      Session session, int requestType, int requestNumber, String msisdn, List<Mscc> services) {
    Request request = creditControlRequest(session, requestType, requestNumber);
    subscriber(request, msisdn);
    for (Mscc service : services) {
      AvpSet mscc =
          request.getAvps().addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false);
      mscc.addAvp(GyAvp.RATING_GROUP, service.ratingGroup(), true, false, true);
      service
          .serviceIdentifier()
          .ifPresent(id -> mscc.addAvp(GyAvp.SERVICE_IDENTIFIER, id, true, false, true));
      if (service.requestedBytes() >= 0) {
        AvpSet rsu = mscc.addGroupedAvp(GyAvp.REQUESTED_SERVICE_UNIT, true, false);
        if (service.requestedBytes() > 0) {
          rsu.addAvp(GyAvp.CC_TOTAL_OCTETS, service.requestedBytes(), true, false);
        }
      }
      if (service.usedBytes() >= 0) {
        mscc.addGroupedAvp(GyAvp.USED_SERVICE_UNIT, true, false)
            .addAvp(GyAvp.CC_TOTAL_OCTETS, service.usedBytes(), true, false);
      }
    }
    return request;
  }

  /**
   * An SMS charging event as an SMSC sends it (3GPP TS 32.274 on RFC 4006): CCR-EVENT with the SMS
   * Service-Context-Id, a Requested-Action ({@link GyAvp#DIRECT_DEBITING} …) and the units in one
   * Multiple-Services-Credit-Control of {@code ratingGroup}.
   */
  public Request smsEvent(
      Session session,
      int requestNumber,
      String msisdn,
      int requestedAction,
      long units,
      long ratingGroup) {
    Request request =
        creditControlRequest(session, GyAvp.EVENT_REQUEST, requestNumber, GyAvp.SMS_CONTEXT);
    subscriber(request, msisdn);
    AvpSet avps = request.getAvps();
    avps.addAvp(GyAvp.REQUESTED_ACTION, requestedAction, true, false);
    AvpSet mscc = avps.addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false);
    mscc.addAvp(GyAvp.RATING_GROUP, ratingGroup, true, false, true);
    mscc.addGroupedAvp(GyAvp.REQUESTED_SERVICE_UNIT, true, false)
        .addAvp(GyAvp.CC_SERVICE_SPECIFIC_UNITS, units, true, false);
    return request;
  }

  /**
   * SMS charging with unit reservation (RFC 4006 ECUR) as an SMSC sends it: a CCR-I asking for
   * {@code units}, a CCR-T reporting {@code usedUnits} (negative: no Used-Service-Unit, a release),
   * in one Multiple-Services-Credit-Control of {@code ratingGroup}.
   */
  public Request smsReservation(
      Session session,
      int requestType,
      int requestNumber,
      String msisdn,
      long units,
      long usedUnits,
      long ratingGroup) {
    Request request = creditControlRequest(session, requestType, requestNumber, GyAvp.SMS_CONTEXT);
    subscriber(request, msisdn);
    AvpSet mscc =
        request.getAvps().addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false);
    mscc.addAvp(GyAvp.RATING_GROUP, ratingGroup, true, false, true);
    if (requestType == GyAvp.INITIAL_REQUEST) {
      mscc.addGroupedAvp(GyAvp.REQUESTED_SERVICE_UNIT, true, false)
          .addAvp(GyAvp.CC_SERVICE_SPECIFIC_UNITS, units, true, false);
    }
    if (usedUnits >= 0) {
      mscc.addGroupedAvp(GyAvp.USED_SERVICE_UNIT, true, false)
          .addAvp(GyAvp.CC_SERVICE_SPECIFIC_UNITS, usedUnits, true, false);
    }
    return request;
  }

  /**
   * A request of a voice call on Ro as an IMS node (S-CSCF, AS) sends it (TS 32.260): the IMS
   * Service-Context-Id, IMS-Information with the calling and called party, and one MSCC asking
   * {@code requestedSeconds} (negative: none) and reporting {@code usedSeconds} (negative: none).
   */
  public Request voiceCall(
      Session session,
      int requestType,
      int requestNumber,
      String msisdn,
      String calledParty,
      long requestedSeconds,
      long usedSeconds) {
    Request request =
        creditControlRequest(session, requestType, requestNumber, GyAvp.VOICE_CONTEXT);
    subscriber(request, msisdn);
    AvpSet avps = request.getAvps();
    AvpSet ims =
        avps.addGroupedAvp(GyAvp.SERVICE_INFORMATION, GyAvp.VENDOR_3GPP, true, false)
            .addGroupedAvp(GyAvp.IMS_INFORMATION, GyAvp.VENDOR_3GPP, true, false);
    ims.addAvp(
        GyAvp.CALLING_PARTY_ADDRESS, "tel:+" + msisdn, GyAvp.VENDOR_3GPP, true, false, false);
    ims.addAvp(
        GyAvp.CALLED_PARTY_ADDRESS, "tel:+" + calledParty, GyAvp.VENDOR_3GPP, true, false, false);
    AvpSet mscc = avps.addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false);
    mscc.addAvp(GyAvp.RATING_GROUP, VOICE_RATING_GROUP, true, false, true);
    if (requestedSeconds >= 0) {
      AvpSet rsu = mscc.addGroupedAvp(GyAvp.REQUESTED_SERVICE_UNIT, true, false);
      if (requestedSeconds > 0) {
        rsu.addAvp(GyAvp.CC_TIME, requestedSeconds, true, false, true);
      }
    }
    if (usedSeconds >= 0) {
      mscc.addGroupedAvp(GyAvp.USED_SERVICE_UNIT, true, false)
          .addAvp(GyAvp.CC_TIME, usedSeconds, true, false, true);
    }
    return request;
  }

  /** The rating group the simulator's IMS node charges calls under. */
  public static final long VOICE_RATING_GROUP = 100;

  private static void subscriber(Request request, String msisdn) {
    AvpSet subscription = request.getAvps().addGroupedAvp(GyAvp.SUBSCRIPTION_ID, true, false);
    subscription.addAvp(GyAvp.SUBSCRIPTION_ID_TYPE, GyAvp.END_USER_E164, true, false);
    subscription.addAvp(GyAvp.SUBSCRIPTION_ID_DATA, msisdn, true, false, false);
  }

  /**
   * Sends a request as a PCEF does when its Tx timer expires: a request left unanswered for {@code
   * tx} is sent again with the T flag (RFC 4006, RFC 6733), up to {@code attempts} times.
   *
   * @param request builds the request afresh for each attempt
   */
  public Answer sendRetransmitting(
      Session session, Supplier<Request> request, Duration tx, int attempts) {
    for (int attempt = 1; ; attempt++) {
      Request sent = request.get();
      sent.setReTransmitted(attempt > 1);
      try {
        return send(session, sent, tx);
      } catch (IllegalStateException unanswered) {
        if (attempt == attempts) {
          throw unanswered;
        }
      }
    }
  }

  /**
   * Sends a request and waits for its answer.
   *
   * @throws IllegalStateException when no answer came within {@code timeout}
   */
  public Answer send(Session session, Request request, Duration timeout) {
    Answer answer;
    try {
      answer = (Answer) session.send(request).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw new IllegalStateException("no answer to the request: " + e, e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    // jDiameter completes a request whose peer went away with no answer at all.
    if (answer == null) {
      throw new IllegalStateException("no answer to the request");
    }
    return answer;
  }

  public DiameterIdentity identity() {
    return self;
  }

  @Override
  public void close() {
    try {
      stack.stop(5, TimeUnit.SECONDS, DisconnectCause.REBOOTING);
    } catch (Exception e) {
      // Best effort: the peer may already be gone.
    }
    stack.destroy();
  }
}
