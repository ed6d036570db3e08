package io.simbundle.provisioning.channels.sms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's bind to the SMSC (jSMPP, SMPP 3.4, transceiver): made on first use and made again
 * after it was lost, so a dropped bind costs one failed attempt, which the outbox retries. Submits
 * each part with a delivery receipt requested, and hands the receipts on as they arrive.
 */
public final class SmppLink implements AutoCloseable {

  /** ESME_RTHROTTLED: the SMSC takes no more for now. */
  static final int THROTTLED = 0x58;

  private static final Logger log = LoggerFactory.getLogger(SmppLink.class);

  /** The state of the link, as health reports it. */
  public enum State {
    /** Not bound yet: nothing was sent. */
    IDLE,
    BOUND,
    /** The last bind failed, or the bind was lost. */
    DOWN
  }

  /** Why a text was not taken; {@code transient} when trying again later may succeed. */
  public static final class NotSent extends Exception {
    private static final long serialVersionUID = 1L;

    NotSent(String why, Throwable cause) {
      super(why, cause);
    }
  }

  private final SmscSettings settings;
  private final BiConsumer<String, String> receipts;
  private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
  private SMPPSession session;

  /**
   * @param receipts told of each delivery receipt: the SMSC's message id and its final state (e.g.
   *     {@code DELIVRD}, {@code UNDELIV})
   */
  public SmppLink(SmscSettings settings, BiConsumer<String, String> receipts) {
    this.settings = settings;
    this.receipts = receipts;
  }

  public State state() {
    return state.get();
  }

  /**
   * Submits the parts of one text to {@code msisdn}, in order.
   *
   * @return the SMSC's message id of each part
   * @throws NotSent when the SMSC refused a part, throttled, or could not be reached; parts
   *     accepted before it stay accepted (the handset may get them twice when the text is sent
   *     again — an SMSC drops no duplicate)
   */
  public synchronized List<String> submit(String msisdn, List<SmsText.Part> parts) throws NotSent {
    SMPPSession bound = bound();
    List<String> ids = new ArrayList<>();
    for (SmsText.Part part : parts) {
      try {
        ids.add(
            bound
                .submitShortMessage(
                    "",
                    TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.UNKNOWN,
                    settings.sourceAddress(),
                    TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN,
                    msisdn,
                    part.concatenated()
                        ? new ESMClass(
                            MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                        : new ESMClass(),
                    (byte) 0,
                    (byte) 1,
                    null,
                    null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                    (byte) 0,
                    new RawDataCoding(part.dataCoding()),
                    (byte) 0,
                    part.shortMessage())
                .getMessageId());
      } catch (NegativeResponseException e) {
        throw new NotSent(
            e.getCommandStatus() == THROTTLED
                ? "the SMSC throttled (ESME_RTHROTTLED)"
                : "the SMSC refused with command_status 0x"
                    + Integer.toHexString(e.getCommandStatus()),
            e);
      } catch (ResponseTimeoutException | InvalidResponseException | PDUException | IOException e) {
        lost(e);
        throw new NotSent("the SMSC did not take the message: " + e.getClass().getSimpleName(), e);
      }
    }
    return ids;
  }

  private SMPPSession bound() throws NotSent {
    if (session != null && session.getSessionState().isBound()) {
      return session;
    }
    closeSession();
    SMPPSession fresh = new SMPPSession();
    fresh.setTransactionTimer(settings.timeout().toMillis());
    fresh.setEnquireLinkTimer(30_000);
    fresh.setMessageReceiverListener(new Receipts());
    fresh.addSessionStateListener(
        (now, before, source) -> {
          if (!now.isBound() && before.isBound()) {
            state.set(State.DOWN);
            log.warn("the SMPP bind to {}:{} was lost", settings.host(), settings.port());
          }
        });
    try {
      fresh.connectAndBind(
          settings.host(),
          settings.port(),
          new BindParameter(
              BindType.BIND_TRX,
              settings.systemId(),
              settings.password(),
              settings.systemType(),
              TypeOfNumber.UNKNOWN,
              NumberingPlanIndicator.UNKNOWN,
              null),
          settings.timeout().toMillis());
    } catch (IOException e) {
      state.set(State.DOWN);
      fresh.unbindAndClose();
      throw new NotSent(
          "no bind to the SMSC at "
              + settings.host()
              + ":"
              + settings.port()
              + ": "
              + e.getMessage(),
          e);
    }
    session = fresh;
    state.set(State.BOUND);
    log.info("bound to the SMSC at {}:{} as a transceiver", settings.host(), settings.port());
    return fresh;
  }

  private void lost(Exception why) {
    state.set(State.DOWN);
    log.warn("SMPP submit failed, the bind will be made again: {}", why.toString());
    closeSession();
  }

  private void closeSession() {
    if (session != null) {
      session.unbindAndClose();
      session = null;
    }
  }

  @Override
  public synchronized void close() {
    closeSession();
  }

  /** Takes the SMSC's deliver_sm: delivery receipts are handed on, anything else ignored. */
  private final class Receipts implements MessageReceiverListener {
    @Override
    public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
      if (!deliverSm.isSmscDeliveryReceipt()) {
        return; // a mobile-originated SMS: the engine takes none
      }
      try {
        DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
        receipts.accept(receipt.getId(), receipt.getFinalStatus().name());
      } catch (InvalidDeliveryReceiptException e) {
        log.warn("an SMSC delivery receipt that cannot be read: {}", e.getMessage());
      }
    }

    @Override
    public void onAcceptAlertNotification(AlertNotification alertNotification) {}

    @Override
    public DataSmResult onAcceptDataSm(DataSm dataSm, Session source)
        throws ProcessRequestException {
      throw new ProcessRequestException("data_sm is not taken", 0x03);
    }
  }
}
