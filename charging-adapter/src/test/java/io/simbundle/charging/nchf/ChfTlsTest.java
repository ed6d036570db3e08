package io.simbundle.charging.nchf;

import static io.simbundle.charging.gy.ChargingFixture.MB;
import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.charging.gy.ChargingFixture;
import io.simbundle.charging.gy.ChargingSettings;
import io.simbundle.platform.testing.EngineTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.PemTrustOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a certificate and key, the CHF speaks TLS and HTTP/2 by ALPN, and nothing in the clear. */
@EngineTest
class ChfTlsTest {

  @Test
  void aCertificateMakesTheChfSpeakHttp2OverTls(@TempDir Path dir) throws Exception {
    Path certificate = dir.resolve("chf.crt");
    Path key = dir.resolve("chf.key");
    Process openssl =
        new ProcessBuilder(
                List.of(
                    "openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "1",
                    "-subj",
                    "/CN=localhost",
                    "-addext",
                    "subjectAltName=IP:127.0.0.1",
                    "-keyout",
                    key.toString(),
                    "-out",
                    certificate.toString()))
            .redirectErrorStream(true)
            .start();
    openssl.getInputStream().readAllBytes();
    assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(openssl.exitValue()).isZero();
    String msisdn = "8618600000601";
    try (ChargingFixture fixture =
        ChargingFixture.start(
            "nchf_tls",
            ChargingSettings.UnknownRatingGroups.DENY,
            Optional.empty(),
            Clock.systemUTC())) {
      fixture.charging().install(ChargingFixture.plainProfile(msisdn, 500 * MB));
      ChfServer chf =
          fixture
              .charging()
              .serveNchf(
                  new ChfSettings("127.0.0.1", 0, Optional.of(certificate), Optional.of(key)));
      Vertx vertx = Vertx.vertx();
      try {
        HttpClient tls =
            vertx.createHttpClient(
                new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2)
                    .setSsl(true)
                    .setUseAlpn(true)
                    .setTrustOptions(new PemTrustOptions().addCertPath(certificate.toString())));
        String body = NchfClient.unit(NchfClient.request(msisdn, 9001, 1), 10, MB, 0).toString();
        NchfClient.Reply created =
            NchfClient.exchange(
                vertx.getOrCreateContext(),
                tls,
                HttpMethod.POST,
                chf.port(),
                ChfServer.API,
                Optional.of("application/json"),
                body);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(created.location())
            .hasValueSatisfying(at -> assertThat(at).startsWith("https://"));
        try (NchfClient cleartext = new NchfClient(chf.port())) {
          assertThat(
                  catchingFailure(
                      () ->
                          cleartext.create(
                              NchfClient.unit(NchfClient.request(msisdn, 9002, 1), 10, MB, 0))))
              .as("no cleartext on a TLS port")
              .isTrue();
        }
      } finally {
        vertx.close();
      }
    }
  }

  private static boolean catchingFailure(Runnable call) {
    try {
      call.run();
      return false;
    } catch (AssertionError expected) {
      return true;
    }
  }
}
