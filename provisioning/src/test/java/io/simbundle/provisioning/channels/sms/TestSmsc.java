package io.simbundle.provisioning.channels.sms;

import io.simbundle.platform.net.FreePort;
import io.simbundle.provisioning.app.TestEngine;
import java.io.IOException;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * An SMSC for tests, on a real SMPP 3.4 socket (jSMPP's server session on the loopback): it takes
 * binds, accepts submit_sm and sends a delivery receipt for each; on demand it throttles
 * (ESME_RTHROTTLED), drops its binds or says in the receipts that the text was not delivered.
 */
public final class TestSmsc implements ServerMessageReceiverListener, AutoCloseable {

  /** A submit_sm as it arrived. */
  public record Submitted(
      String destination, byte dataCoding, boolean concatenated, byte[] shortMessage, String id) {

    public SmsText.Part part() {
      return new SmsText.Part(dataCoding, concatenated, shortMessage);
    }
  }

  public static final String SYSTEM_ID = "simbundle";
  private static final Pattern CODE = Pattern.compile("(\\d{6})");
  public static final String PASSWORD = "secret";

  private final SMPPServerSessionListener listener;
  private final ExecutorService acceptor = Executors.newSingleThreadExecutor();
  private final ScheduledExecutorService receipts = Executors.newSingleThreadScheduledExecutor();
  private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
  private final List<Submitted> submitted = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong(1000);
  private final AtomicInteger throttleNext = new AtomicInteger();
  private final AtomicInteger binds = new AtomicInteger();
  private final AtomicReference<DeliveryReceiptState> receiptState =
      new AtomicReference<>(DeliveryReceiptState.DELIVRD);
  private volatile boolean open = true;

  private TestSmsc() throws IOException {
    listener = new SMPPServerSessionListener(FreePort.next());
    listener.setMessageReceiverListener(this);
    acceptor.execute(this::acceptBinds);
  }

  public static TestSmsc start() {
    try {
      return new TestSmsc();
    } catch (IOException e) {
      throw new IllegalStateException("the test SMSC could not listen", e);
    }
  }

  /** The engine's settings for this SMSC. */
  public SmscSettings settings(String language) {
    return new SmscSettings(
        "127.0.0.1",
        listener.getPort(),
        SYSTEM_ID,
        PASSWORD,
        "",
        "10655",
        language,
        Duration.ofSeconds(3));
  }

  private void acceptBinds() {
    while (open) {
      try {
        SMPPServerSession session = listener.accept();
        BindRequest bind = session.waitForBind(5000);
        if (SYSTEM_ID.equals(bind.getSystemId()) && PASSWORD.equals(bind.getPassword())) {
          bind.accept("test-smsc");
          binds.incrementAndGet();
          sessions.add(session);
        } else {
          bind.reject(0x0E); // ESME_RINVPASWD
        }
      } catch (Exception e) {
        if (open) {
          // A bind that never came: wait for the next connection.
          continue;
        }
      }
    }
  }

  /** The next {@code count} submits are answered ESME_RTHROTTLED. */
  public void throttleNext(int count) {
    throttleNext.set(count);
  }

  /** The receipts of accepted texts say {@code state} from now on. */
  public void receipts(DeliveryReceiptState state) {
    receiptState.set(state);
  }

  /** Closes every bind, as an SMSC restarting does. */
  public void dropBinds() {
    for (SMPPServerSession session : sessions) {
      session.close();
    }
    sessions.clear();
  }

  /**
   * The code in the last SMS this SMSC took for a number, once the engine's outbox sent what was
   * due.
   */
  public String codeSentTo(TestEngine engine, String msisdn) {
    engine.engine().outbox().deliverDue();
    List<Submitted> texts = submitted.stream().filter(s -> s.destination().equals(msisdn)).toList();
    if (texts.isEmpty()) {
      throw new AssertionError("no SMS to the number");
    }
    String text = SmsText.joined(List.of(texts.get(texts.size() - 1).part()));
    Matcher code = CODE.matcher(text);
    if (!code.find()) {
      throw new AssertionError("no code in: " + text);
    }
    return code.group(1);
  }

  public List<Submitted> submitted() {
    return List.copyOf(submitted);
  }

  /** Binds accepted since the start. */
  public int binds() {
    return binds.get();
  }

  @Override
  public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source)
      throws ProcessRequestException {
    if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new ProcessRequestException("throttled", SmppLink.THROTTLED);
    }
    String id = Long.toString(ids.incrementAndGet());
    submitted.add(
        new Submitted(
            submitSm.getDestAddress(),
            submitSm.getDataCoding(),
            (submitSm.getEsmClass() & 0x40) != 0,
            submitSm.getShortMessage(),
            id));
    DeliveryReceiptState state = receiptState.get();
    // The handset's answer comes a little later, as from a real network.
    receipts.schedule(() -> receipt(source, submitSm, id, state), 50, TimeUnit.MILLISECONDS);
    try {
      return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
    } catch (Exception e) {
      throw new ProcessRequestException("bad id", 0x08);
    }
  }

  private void receipt(
      SMPPServerSession session, SubmitSm submitSm, String id, DeliveryReceiptState state) {
    Date now = new Date();
    DeliveryReceipt receipt =
        new DeliveryReceipt(
            id, 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0, now, now, state, "000", "");
    try {
      session.deliverShortMessage(
          "",
          TypeOfNumber.INTERNATIONAL,
          NumberingPlanIndicator.ISDN,
          submitSm.getDestAddress(),
          TypeOfNumber.UNKNOWN,
          NumberingPlanIndicator.UNKNOWN,
          submitSm.getSourceAddr(),
          new ESMClass(
              MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
          (byte) 0,
          (byte) 0,
          new RegisteredDelivery(0),
          new RawDataCoding((byte) 0),
          receipt.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    } catch (Exception e) {
      // The bind went away: the receipt is lost, as it is with a real SMSC.
    }
  }

  @Override
  public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public void onAcceptCancelBroadcastSm(
      CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
      throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public QueryBroadcastSmResult onAcceptQueryBroadcastSm(
      QueryBroadcastSm queryBroadcastSm, SMPPServerSession source) throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
    throw new ProcessRequestException("not supported", 0x03);
  }

  @Override
  public void close() {
    open = false;
    dropBinds();
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
    acceptor.shutdownNow();
    receipts.shutdownNow();
  }
}
