package io.simbundle.charging.profile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a subscriber's calls and SMS may draw on besides the plan's minutes and messages: minutes
 * partners sponsor (spent first), and the catalog's prices beyond the plan (spent last; without a
 * price, calls and SMS are refused once the plan's are used).
 *
 * @param sponsoredMinutes the partner-sponsored call time
 * @param voiceOverageFenPerMinute the price of a minute of calls beyond the plan, if priced
 * @param smsOverageFen the price of an SMS beyond the plan, if priced
 */
public record PlanExtras(
    List<SponsoredMinutes> sponsoredMinutes,
    Optional<Long> voiceOverageFenPerMinute,
    Optional<Long> smsOverageFen) {

  /** Nothing beyond the plan. */
  public static final PlanExtras NONE =
      new PlanExtras(List.of(), Optional.empty(), Optional.empty());

  public PlanExtras {
    sponsoredMinutes = List.copyOf(sponsoredMinutes);
    Objects.requireNonNull(voiceOverageFenPerMinute);
    Objects.requireNonNull(smsOverageFen);
  }

  /** A Jackson value filter: true (leave out) for {@link #NONE}. */
  static final class Empty {
    @Override
    public boolean equals(Object value) {
      return value == null || NONE.equals(value);
    }

    @Override
    public int hashCode() {
      return 0;
    }
  }
}
