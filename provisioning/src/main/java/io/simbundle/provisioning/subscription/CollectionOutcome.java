package io.simbundle.provisioning.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a credit payer says about a fee it was asked to collect: paid, declined, or — after it had
 * paid — reversed (the buyer's payment was charged back), which makes the fee unpaid again with a
 * new grace.
 */
public enum CollectionOutcome {
  PAID,
  DECLINED,
  REVERSED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<CollectionOutcome> fromApiName(String name) {
    return Arrays.stream(values()).filter(o -> o.apiName().equals(name)).findFirst();
  }
}
