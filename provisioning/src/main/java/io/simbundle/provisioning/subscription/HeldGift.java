package io.simbundle.provisioning.subscription;

import io.simbundle.catalog.privilege.Recurrence;
import io.simbundle.rules.decision.GrantedGift;
import java.time.Instant;
import java.util.Objects;

/**
 * A gift the rules granted a subscription, and when: a one-off gift lapses {@code validityDays}
 * after it was granted, a monthly one is granted afresh at the start of every billing cycle.
 */
public record HeldGift(GrantedGift granted, Instant grantedAt) {

  public HeldGift {
    Objects.requireNonNull(granted);
    Objects.requireNonNull(grantedAt);
  }

  public String code() {
    return granted.code();
  }

  public Recurrence recurrence() {
    return granted.recurrence();
  }
}
