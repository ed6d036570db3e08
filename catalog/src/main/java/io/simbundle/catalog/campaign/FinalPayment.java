package io.simbundle.catalog.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When the rest of a presale's price (尾款) is paid after its deposit (定金): on fixed dates, as on
 * Tmall's Double-11 (deposits during the presale, the rest on the day), or within some days of the
 * order, as in a rolling presale.
 */
public sealed interface FinalPayment {

  /** The first instant the final payment is taken, for an order placed at {@code orderedAt}. */
  Instant opens(Instant orderedAt);

  /** The instant the final payment is no longer taken (exclusive). */
  Instant closes(Instant orderedAt);

  /** The same window for every order. */
  record OnFixedDates(Instant opens, Instant closes) implements FinalPayment {
    public OnFixedDates {
      Objects.requireNonNull(opens);
      Objects.requireNonNull(closes);
      if (!closes.isAfter(opens)) {
        throw new IllegalArgumentException("a final payment window closes after it opens");
      }
    }

    @Override
    public Instant opens(Instant orderedAt) {
      return opens;
    }

    @Override
    public Instant closes(Instant orderedAt) {
      return closes;
    }
  }

  /** Open from the order on, for {@code days} days. */
  record WithinDays(int days) implements FinalPayment {
    public WithinDays {
      if (days < 1) {
        throw new IllegalArgumentException("a final payment window lasts at least a day");
      }
    }

    @Override
    public Instant opens(Instant orderedAt) {
      return orderedAt;
    }

    @Override
    public Instant closes(Instant orderedAt) {
      return orderedAt.plus(Duration.ofDays(days));
    }
  }
}
