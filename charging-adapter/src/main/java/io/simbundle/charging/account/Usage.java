package io.simbundle.charging.account;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Traffic used, and who paid for it — the answer to "why was this charged?".
 *
 * @param day the day (Beijing time) the usage was reported
 * @param ratingGroup the rating group
 * @param source what paid
 * @param bytes how much
 */
public record Usage(LocalDate day, long ratingGroup, Source source, long bytes) {
  public Usage {
    Objects.requireNonNull(day);
    Objects.requireNonNull(source);
  }
}
