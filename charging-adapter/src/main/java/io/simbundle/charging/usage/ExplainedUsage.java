package io.simbundle.charging.usage;

import io.simbundle.charging.store.UsageRecord;
import java.util.Objects;

/**
 * A usage record with the reason it was free or charged.
 *
 * @param record the stored usage
 * @param why the reason, in words (see {@link WhyCharged})
 */
public record ExplainedUsage(UsageRecord record, String why) {
  public ExplainedUsage {
    Objects.requireNonNull(record);
    Objects.requireNonNull(why);
  }
}
