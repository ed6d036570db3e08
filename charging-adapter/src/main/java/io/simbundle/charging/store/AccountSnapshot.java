package io.simbundle.charging.store;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.simbundle.charging.account.Account;
import io.simbundle.platform.json.Json;
import java.io.IOException;
import java.time.Instant;

/**
 * An account's state as it was when a request was decided, ready to be stored.
 *
 * @param msisdn the subscriber
 * @param imsi the subscriber's IMSI, or null
 * @param state the whole account as JSON
 * @param nextExpiry when its earliest reservation lapses, or null
 */
record AccountSnapshot(
    String msisdn,
    String imsi,
    @JsonRawValue @JsonDeserialize(using = RawJson.class) String state,
    Instant nextExpiry) {

  /** Reads an embedded JSON value back as its text: the state is written raw, not as a string. */
  static final class RawJson extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return parser.readValueAsTree().toString();
    }
  }

  static AccountSnapshot of(Account account) {
    return new AccountSnapshot(
        account.profile().msisdn(),
        account.profile().imsi().orElse(null),
        Json.write(account),
        account.earliestExpiry().orElse(null));
  }

  Account account() {
    return Json.readStored(state, Account.class);
  }
}
