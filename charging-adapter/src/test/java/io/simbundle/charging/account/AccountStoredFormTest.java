package io.simbundle.charging.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.simbundle.platform.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An account as the journal stored it on 2026-12-03 (every kind of balance, a reservation, an open
 * call, an SMS sent, a PCEF to re-authorize) reads back with its balances and writes out unchanged:
 * a change to the account's classes must not change what is stored, or accounts already stored
 * would be misread.
 */
class AccountStoredFormTest {

  private static final long MB = 1024 * 1024;
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

  private static String stored() throws IOException {
    try (InputStream in =
        AccountStoredFormTest.class.getResourceAsStream("/account/stored-2026-12-03.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  @Test
  void anAccountStoredBeforeReadsBackWithEveryBalance() throws IOException {
    Account account = Json.readStored(stored(), Account.class);

    assertThat(account.allowanceUsed()).isEqualTo(2 * MB);
    assertThat(account.reservedBytes()).isEqualTo(MB);
    assertThat(account.openSessions()).containsExactly("s2");
    assertThat(account.giftsLeft(NOW)).containsEntry("welcome-gift", 0L);
    assertThat(account.zeroRatedUsed()).containsEntry("wechat-free-traffic", 3 * MB);
    assertThat(account.sms().left()).isEqualTo(48);
    assertThat(account.voice().usedSeconds()).isEqualTo(120);
    assertThat(account.sessionsToReauthorize())
        .containsEntry("s2", new Peer("pgw-1", "pcef.local"));
    assertThat(account.profile().voiceUnitSeconds()).isEqualTo(60);
  }

  @Test
  void anAccountStoredBeforeIsWrittenExactlyAsItWasStored() throws IOException {
    assertThat(Json.write(Json.readStored(stored(), Account.class))).isEqualTo(stored());
  }
}
