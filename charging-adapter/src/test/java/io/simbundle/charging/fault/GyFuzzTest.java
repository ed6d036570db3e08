package io.simbundle.charging.fault;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.charging.gy.GyAvp;
import io.simbundle.charging.gy.ResultCode;
import io.simbundle.charging.pcef.AnswerView;
import io.simbundle.charging.pcef.PcefSimulator;
import io.simbundle.charging.pcef.PcefSimulator.Mscc;
import io.simbundle.platform.testing.FaultTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.jdiameter.api.AvpDataException;
import org.jdiameter.api.AvpSet;
import org.jdiameter.api.Request;
import org.jdiameter.api.Session;

/**
 * Bounded fuzzing of the Gy decoding path: credit-control requests with one defect each, of kinds a
 * broken or hostile PCEF sends, must each be answered — with the Result-Code and Failed-AVP RFC
 * 4006 and RFC 6733 prescribe for it — and raw junk on a fresh connection must not bring Gy down.
 */
@FaultTest
class GyFuzzTest {

  private static final String MSISDN = "8618600000088";
  private static ChargingFixture fixture;
  private static PcefSimulator pcef;

  /** What is wrong with a request, with the bytes or number the defect needs. */
  enum Kind {
    NONE,
    MISSING_REQUEST_TYPE,
    REQUEST_TYPE_OUT_OF_RANGE,
    MISSING_SUBSCRIPTION_ID,
    UNKNOWN_SUBSCRIBER,
    SUBSCRIPTION_DATA_GARBAGE,
    RATING_GROUP_TOO_SHORT,
    USED_OCTETS_TOO_SHORT,
    MSCC_WITHOUT_RATING_GROUP,
    MSCC_GARBAGE,
    UNKNOWN_OPTIONAL_AVP
  }

  record Defect(Kind kind, byte[] bytes, long number) {}

  @BeforeContainer
  static void start() {
    fixture =
        ChargingFixture.start(
            "gy_fuzz",
            ChargingSettings.UnknownRatingGroups.CHARGE_AS_DEFAULT,
            Optional.empty(),
            Clock.systemUTC());
    fixture.charging().install(ChargingFixture.plainProfile(MSISDN, 1_000_000 * MB));
    pcef = fixture.pcef("pgw-fuzz.pcef.simbundle.local");
  }

  @AfterContainer
  static void stop() {
    pcef.close();
    fixture.close();
  }

  @Provide
  Arbitrary<Defect> defects() {
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(24),
            Arbitraries.longs())
        .as(Defect::new);
  }

  @Property(tries = 2000)
  void everyDefectiveRequestIsAnsweredWithItsResultCode(@ForAll("defects") Defect defect)
      throws AvpDataException {
    Session session = pcef.newSession();
    Request request =
        pcef.creditControlRequest(
            session, GyAvp.INITIAL_REQUEST, 0, MSISDN, List.of(new Mscc(10, MB, 0)));
    Expected expected = spoil(request.getAvps(), defect);

    AnswerView answer = new AnswerView(pcef.send(session, request, ChargingFixture.TIMEOUT));
    Statistics.collect(defect.kind(), answer.resultCode());

    assertThat(answer.resultCode()).as(defect.kind().name()).isIn(expected.resultCodes());
    expected
        .failedAvp()
        .ifPresent(
            code -> {
              try {
                assertThat(answer.failedAvpCode()).as("Failed-AVP").hasValue(code);
              } catch (AvpDataException e) {
                throw new AssertionError(e);
              }
            });
  }

  /**
   * Raw bytes on a new connection, some behind a plausible Diameter header: the connection may be
   * dropped, the server must go on answering its peers.
   */
  @Property(tries = 500)
  void junkOnTheWireLeavesGyAnswering(@ForAll("junk") byte[] junk, @ForAll boolean diameterHeader)
      throws Exception {
    try (Socket socket =
        new Socket(InetAddress.getLoopbackAddress(), fixture.charging().identity().port())) {
      OutputStream out = socket.getOutputStream();
      if (diameterHeader) {
        // Version 1, a length that may lie, a CCR command code.
        int length = 20 + junk.length;
        out.write(new byte[] {1, (byte) (length >> 16), (byte) (length >> 8), (byte) length});
        out.write(new byte[] {(byte) 0x80, 0, 1, 16});
      }
      out.write(junk);
      out.flush();
    } catch (IOException e) {
      // The server may close on us mid-write: that is one right answer to junk.
    }
    Session session = pcef.newSession();
    Request valid =
        pcef.creditControlRequest(
            session, GyAvp.INITIAL_REQUEST, 0, MSISDN, List.of(new Mscc(10, MB, -1)));
    assertThat(new AnswerView(pcef.send(session, valid, ChargingFixture.TIMEOUT)).resultCode())
        .isEqualTo(ResultCode.SUCCESS);
  }

  @Provide
  Arbitrary<byte[]> junk() {
    return Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(600);
  }

  /** The Result-Codes a request with the defect may get, and the Failed-AVP it must name. */
  private record Expected(Set<Long> resultCodes, Optional<Integer> failedAvp) {
    static Expected of(long resultCode, int failedAvp) {
      return new Expected(Set.of(resultCode), Optional.of(failedAvp));
    }
  }

  private static Expected spoil(AvpSet avps, Defect defect) {
    byte[] bytes = defect.bytes();
    switch (defect.kind()) {
      case NONE -> {
        return new Expected(Set.of(ResultCode.SUCCESS), Optional.empty());
      }
      case MISSING_REQUEST_TYPE -> {
        avps.removeAvp(GyAvp.CC_REQUEST_TYPE);
        return Expected.of(ResultCode.MISSING_AVP, GyAvp.CC_REQUEST_TYPE);
      }
      case REQUEST_TYPE_OUT_OF_RANGE -> {
        avps.removeAvp(GyAvp.CC_REQUEST_TYPE);
        int type = (int) defect.number();
        avps.addAvp(GyAvp.CC_REQUEST_TYPE, type >= 1 && type <= 4 ? type + 4 : type, true, false);
        return Expected.of(ResultCode.INVALID_AVP_VALUE, GyAvp.CC_REQUEST_TYPE);
      }
      case MISSING_SUBSCRIPTION_ID -> {
        avps.removeAvp(GyAvp.SUBSCRIPTION_ID);
        return Expected.of(ResultCode.MISSING_AVP, GyAvp.SUBSCRIPTION_ID);
      }
      case UNKNOWN_SUBSCRIBER -> {
        replaceSubscription(
            avps, ("8617" + Math.floorMod(defect.number(), 10_000_000L)).getBytes());
        return new Expected(Set.of(ResultCode.USER_UNKNOWN), Optional.empty());
      }
      case SUBSCRIPTION_DATA_GARBAGE -> {
        replaceSubscription(avps, bytes);
        return new Expected(
            Set.of(ResultCode.USER_UNKNOWN, ResultCode.INVALID_AVP_VALUE), Optional.empty());
      }
      case RATING_GROUP_TOO_SHORT -> {
        replaceMscc(avps, mscc -> mscc.addAvp(GyAvp.RATING_GROUP, shorter(bytes, 4), true, false));
        return Expected.of(ResultCode.INVALID_AVP_VALUE, GyAvp.RATING_GROUP);
      }
      case USED_OCTETS_TOO_SHORT -> {
        replaceMscc(
            avps,
            mscc -> {
              mscc.addAvp(GyAvp.RATING_GROUP, 10L, true, false, true);
              mscc.addGroupedAvp(GyAvp.USED_SERVICE_UNIT, true, false)
                  .addAvp(GyAvp.CC_TOTAL_OCTETS, shorter(bytes, 8), true, false);
            });
        return Expected.of(ResultCode.INVALID_AVP_VALUE, GyAvp.CC_TOTAL_OCTETS);
      }
      case MSCC_WITHOUT_RATING_GROUP -> {
        replaceMscc(
            avps,
            mscc ->
                mscc.addGroupedAvp(GyAvp.REQUESTED_SERVICE_UNIT, true, false)
                    .addAvp(GyAvp.CC_TOTAL_OCTETS, MB, true, false));
        return Expected.of(ResultCode.MISSING_AVP, GyAvp.RATING_GROUP);
      }
      case MSCC_GARBAGE -> {
        avps.removeAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL);
        avps.addAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, bytes, true, false);
        return new Expected(
            Set.of(ResultCode.INVALID_AVP_VALUE, ResultCode.MISSING_AVP), Optional.empty());
      }
      case UNKNOWN_OPTIONAL_AVP -> {
        avps.addAvp((int) (5000 + Math.floorMod(defect.number(), 50_000L)), bytes, false, false);
        return new Expected(Set.of(ResultCode.SUCCESS), Optional.empty());
      }
    }
    throw new IllegalArgumentException(defect.kind().name());
  }

  private static byte[] shorter(byte[] bytes, int than) {
    return java.util.Arrays.copyOf(bytes, Math.min(bytes.length, than - 1));
  }

  private static void replaceSubscription(AvpSet avps, byte[] data) {
    avps.removeAvp(GyAvp.SUBSCRIPTION_ID);
    AvpSet subscription = avps.addGroupedAvp(GyAvp.SUBSCRIPTION_ID, true, false);
    subscription.addAvp(GyAvp.SUBSCRIPTION_ID_TYPE, GyAvp.END_USER_E164, true, false);
    subscription.addAvp(GyAvp.SUBSCRIPTION_ID_DATA, data, true, false);
  }

  private static void replaceMscc(AvpSet avps, java.util.function.Consumer<AvpSet> content) {
    avps.removeAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL);
    content.accept(avps.addGroupedAvp(GyAvp.MULTIPLE_SERVICES_CREDIT_CONTROL, true, false));
  }
}
