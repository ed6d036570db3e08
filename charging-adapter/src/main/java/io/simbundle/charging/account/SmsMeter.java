package io.simbundle.charging.account;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMS a subscriber sent this billing cycle, and which event sessions sent them: a refund (the
 * SMSC could not deliver) puts back exactly what its session took, once.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE)
final class SmsMeter {

  long used;

  /** Units debited by each event session this cycle; at most the plan's SMS, so it stays small. */
  Map<String, Long> debits = new LinkedHashMap<>();

  /** Debits {@code units} if {@code allowance} still holds them; nothing otherwise. */
  boolean debit(String sessionId, long units, long allowance) {
    if (units <= 0 || units > left(allowance)) {
      return false;
    }
    used += units;
    debits.merge(sessionId, units, Long::sum);
    return true;
  }

  /**
   * Puts back what {@code sessionId} debited this cycle; 0 when it debited nothing or was refunded.
   */
  long refund(String sessionId) {
    Long debited = debits.remove(sessionId);
    if (debited == null) {
      return 0;
    }
    used = Math.max(0, used - debited);
    return debited;
  }

  long left(long allowance) {
    return Math.max(0, allowance - used);
  }

  void newCycle() {
    used = 0;
    debits.clear();
  }
}
