package io.simbundle.provisioning.channels.rest.selfcare;

import static io.simbundle.provisioning.Presale.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.simbundle.platform.testing.EngineTest;
import io.simbundle.provisioning.Presale;
import io.simbundle.provisioning.app.TestEngine;
import io.simbundle.provisioning.audit.AuditEntry;
import io.simbundle.provisioning.channels.sms.EngineWithSmsc;
import io.simbundle.provisioning.channels.sms.EngineWithSmsc.Subscriber;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Self-care over real HTTP, with the sign-in code sent through a real SMPP server: sign-in, the
 * cookie, the view of the card with balances and reasons, a privilege change, and every way a
 * sign-in is refused — wrong, spent, expired, too frequent, unknown number — without telling who is
 * a subscriber.
 */
@EngineTest
class SelfCareTest {

  private static final long MB = 1024 * 1024;
  private static EngineWithSmsc sms;
  private static TestEngine engine;
  private static Presale presale;

  @BeforeAll
  static void start() {
    sms = EngineWithSmsc.start("self_care", "en", 52_000, 6);
    engine = sms.engine;
    presale = sms.presale;
  }

  @AfterAll
  static void stop() {
    sms.close();
  }

  private static Subscriber subscriber() {
    return sms.activated("19920202", "wechat-free-traffic", "group-chat-60");
  }

  private static HttpResponse<String> askCode(String msisdn) {
    return engine.post("/api/v1/my/code", "{\"msisdn\": \"" + msisdn + "\"}");
  }

  private static String codeSentTo(String msisdn) {
    return sms.codeSentTo(msisdn);
  }

  private static HttpResponse<String> signIn(String msisdn, String code, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(engine.uri("/api/v1/my/session"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"msisdn\": \"" + msisdn + "\", \"code\": \"" + code + "\"}"));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return engine.send(request.build());
  }

  private static String cookieOf(HttpResponse<String> signedIn) {
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    return setCookie.substring(0, setCookie.indexOf(';'));
  }

  private static HttpResponse<String> withCookie(
      String method, String path, String cookie, String body) {
    return engine.send(
        HttpRequest.newBuilder(engine.uri(path))
            .header("Content-Type", "application/json")
            .header("Cookie", cookie)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  @Test
  void aSubscriberSignsInWithTheCodeSentBySmsAndSeesAndChangesTheirCard() {
    Subscriber subscriber = subscriber();
    long gifts =
        engine
            .engine()
            .charging()
            .balance(subscriber.msisdn())
            .orElseThrow()
            .giftsLeftBytes()
            .values()
            .stream()
            .mapToLong(Long::longValue)
            .sum();
    presale.browse(subscriber.msisdn(), 1000, 30 * MB);
    presale.browse(subscriber.msisdn(), 1001, 20 * MB);
    assertThat(gifts).isPositive();

    HttpResponse<String> asked = askCode(subscriber.msisdn());
    String code = codeSentTo(subscriber.msisdn());
    HttpResponse<String> signedIn = signIn(subscriber.msisdn(), code);
    String cookie = cookieOf(signedIn);
    HttpResponse<String> view = withCookie("GET", "/api/v1/my", cookie, null);
    HttpResponse<String> changed =
        withCookie(
            "POST",
            "/api/v1/my/privilegeSelection",
            cookie,
            "{\"chosenPrivileges\": [\"wechat-free-traffic\", \"free-emoticons\"]}");
    HttpResponse<String> again =
        withCookie(
            "POST",
            "/api/v1/my/privilegeSelection",
            cookie,
            "{\"chosenPrivileges\": [\"wechat-free-traffic\"]}");
    HttpResponse<String> signedOut = withCookie("DELETE", "/api/v1/my/session", cookie, null);
    HttpResponse<String> afterSignOut = withCookie("GET", "/api/v1/my", cookie, null);

    assertThat(asked.statusCode()).isEqualTo(202);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(201);
    assertThat(signedIn.headers().firstValue("Set-Cookie").orElseThrow())
        .startsWith("simbundle_my=")
        .contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=1800")
        .doesNotContain("Secure");
    assertThat(view.statusCode()).isEqualTo(200);
    JsonNode my = read(view);
    assertThat(my.path("msisdn").asText()).isEqualTo(subscriber.msisdn());
    assertThat(my.path("productOffering").path("name").asText()).contains("WeChat Wo");
    assertThat(my.path("privileges").findValuesAsText("code"))
        .contains("wechat-free-traffic", "group-chat-60");
    JsonNode balance = my.path("balance");
    assertThat(balance.path("allowanceBytes").asLong()).isEqualTo(500 * MB);
    assertThat(balance.path("voiceSecondsPerCycle").asLong()).isEqualTo(100 * 60);
    assertThat(balance.path("smsPerCycle").asLong()).isEqualTo(50);
    assertThat(balance.path("gifts").findValuesAsText("expiresAt")).isNotEmpty();
    assertThat(balance.path("freeTraffic").get(0).path("privilege").asText())
        .isEqualTo("wechat-free-traffic");
    assertThat(balance.path("freeTraffic").get(0).path("usedBytes").asLong()).isEqualTo(30 * MB);
    assertThat(balance.path("freeTraffic").get(0).path("capBytes").asLong()).isEqualTo(3072 * MB);
    assertThat(my.path("usage").findValuesAsText("why"))
        .anySatisfy(
            why -> assertThat(why).contains("zero-rated by the privilege wechat-free-traffic"))
        .anySatisfy(why -> assertThat(why).contains("paid from the traffic gift welcome-gift"));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(202);
    assertThat(read(changed).path("pendingPrivileges").findValuesAsText("code"))
        .containsExactly("wechat-free-traffic", "free-emoticons");
    assertThat(again.statusCode()).as("one change per cycle").isEqualTo(422);
    assertThat(signedOut.statusCode()).isEqualTo(200);
    assertThat(afterSignOut.statusCode()).isEqualTo(401);
    assertThat(engine.engine().subscriptions().history(subscriber.productId()))
        .extracting(AuditEntry::to)
        .contains("signed-in");
  }

  @Test
  void anUnknownNumberIsAnsweredLikeASubscribersAndGetsNoSms() {
    String nobody = "8613912345678";
    int textsBefore = sms.smsc.submitted().size();

    HttpResponse<String> asked = askCode(nobody);
    engine.engine().outbox().deliverDue();
    HttpResponse<String> guessed = signIn(nobody, "123456");

    assertThat(asked.statusCode()).isEqualTo(202);
    assertThat(asked.body()).isEqualTo(askCode("8613900000000").body());
    assertThat(sms.smsc.submitted()).hasSize(textsBefore);
    assertThat(guessed.statusCode()).isEqualTo(401);
    assertThat(read(guessed).path("type").asText()).endsWith("/code-refused");
  }

  @Test
  void fiveWrongCodesSpendTheCodeAndAnExpiredCodeIsRefused() {
    Subscriber subscriber = subscriber();
    askCode(subscriber.msisdn());
    String code = codeSentTo(subscriber.msisdn());
    String wrong = code.equals("000000") ? "111111" : "000000";

    List<Integer> tries =
        java.util.stream.IntStream.range(0, 5)
            .mapToObj(i -> signIn(subscriber.msisdn(), wrong).statusCode())
            .toList();
    HttpResponse<String> rightButSpent = signIn(subscriber.msisdn(), code);
    sms.clock.advance(Duration.ofSeconds(61));
    askCode(subscriber.msisdn());
    String second = codeSentTo(subscriber.msisdn());
    sms.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
    HttpResponse<String> expired = signIn(subscriber.msisdn(), second);

    assertThat(tries).containsOnly(401);
    assertThat(rightButSpent.statusCode()).isEqualTo(401);
    assertThat(read(rightButSpent).path("detail").asText()).contains("ask for a new one");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(engine.engine().subscriptions().history(subscriber.productId()))
        .extracting(AuditEntry::to)
        .filteredOn("sign-in-refused"::equals)
        .as("five wrong, one spent, one expired")
        .hasSize(7);
  }

  @Test
  void codesAreLimitedPerNumberAndPerAddress() {
    String number = "8613700000001";
    HttpResponse<String> first = askCode(number);
    HttpResponse<String> tooSoon = askCode(number);
    for (int i = 0; i < 4; i++) {
      sms.clock.advance(Duration.ofSeconds(61));
      assertThat(askCode(number).statusCode()).isEqualTo(202);
    }
    sms.clock.advance(Duration.ofSeconds(61));
    HttpResponse<String> sixthInTheHour = askCode(number);
    sms.clock.advance(Duration.ofHours(2));
    int fromThisAddress = 0;
    HttpResponse<String> last;
    do {
      last = askCode("86137000%05d".formatted(100 + fromThisAddress));
      fromThisAddress++;
    } while (last.statusCode() == 202 && fromThisAddress < 50);

    // The other tests ask from the same address: the hour of this one is over for them.
    sms.clock.advance(Duration.ofHours(2));
    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(tooSoon.statusCode()).isEqualTo(429);
    assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("60");
    assertThat(sixthInTheHour.statusCode()).isEqualTo(429);
    assertThat(last.statusCode()).isEqualTo(429);
    assertThat(fromThisAddress).as("twenty an hour from one address").isEqualTo(21);
  }

  @Test
  void withoutASessionNothingIsShownAndTheCookieIsSecureBehindTls() {
    Subscriber subscriber = subscriber();
    sms.clock.advance(Duration.ofHours(3));
    askCode(subscriber.msisdn());
    String code = codeSentTo(subscriber.msisdn());

    HttpResponse<String> anonymous = engine.get("/api/v1/my");
    HttpResponse<String> forged = withCookie("GET", "/api/v1/my", "simbundle_my=forged", null);
    HttpResponse<String> behindTls =
        signIn(subscriber.msisdn(), code, "X-Forwarded-Proto", "https");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(read(anonymous).path("type").asText()).endsWith("/not-signed-in");
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(behindTls.headers().firstValue("Set-Cookie").orElseThrow()).contains("; Secure");
  }
}
