package io.simbundle.provisioning.channels.sms;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.time.MutableClock;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

/**
 * The fixture of the tests about what subscribers are texted: a test engine whose clock the test
 * moves, sending SMS through a {@link TestSmsc}, with numbers and cards in stock, and subscribers
 * activated with the code sent to their card's number.
 */
public final class EngineWithSmsc implements AutoCloseable {

  /** A subscription as the tests need it. */
  public record Subscriber(long productId, String msisdn) {}

  public final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
  public final TestSmsc smsc;
  public final TestEngine engine;
  public final Presale presale;

  private EngineWithSmsc(String purpose, String language, int firstNumber, int stock) {
    smsc = TestSmsc.start();
    engine = TestEngine.withSmsc(purpose, clock, smsc.settings(language));
    presale = new Presale(engine);
    presale.stock("GD", firstNumber, stock);
  }

  /**
   * @param language the language subscribers are texted in, {@code zh} or {@code en}
   * @param firstNumber the first number stocked (each test class its own range)
   */
  public static EngineWithSmsc start(String purpose, String language, int firstNumber, int stock) {
    return new EngineWithSmsc(purpose, language, firstNumber, stock);
  }

  /** A WeChat Wo card bought by someone born on {@code bornOn}, activated with its code. */
  public Subscriber activated(String bornOn, String... privileges) {
    String idNumber = Presale.newIdNumber(bornOn);
    HttpResponse<String> activated =
        presale.activateWithCode(
            presale.paidWeChatWoOrder(idNumber), "张三", idNumber, this::codeSentTo, privileges);
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(201);
    JsonNode product = read(activated);
    return new Subscriber(product.path("id").asLong(), product.path("msisdn").asText());
  }

  /** The code in the last SMS to a number, once the outbox sent what was due. */
  public String codeSentTo(String msisdn) {
    return smsc.codeSentTo(engine, msisdn);
  }

  /** The texts the SMSC took for a number, each as the handset shows it, oldest first. */
  public List<String> textsTo(String msisdn) {
    return smsc.submitted().stream()
        .filter(s -> s.destination().equals(msisdn))
        .map(s -> SmsText.joined(List.of(s.part())))
        .toList();
  }

  @Override
  public void close() {
    engine.close();
    smsc.close();
  }
}
