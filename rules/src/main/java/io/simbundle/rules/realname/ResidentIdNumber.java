package io.simbundle.rules.realname;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A Chinese resident identity number (GB 11643-1999): six digits of region, eight of birth date,
 * three of sequence and a check character computed over the first seventeen (ISO 7064 MOD 11-2).
 *
 * <p>It is personal data: {@link #toString()} shows only the region's first digits and the last two
 * characters, so that it can never reach a log whole.
 */
public final class ResidentIdNumber {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final char[] CHECK_CHARACTERS = {
    '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'
  };

  private final String value;
  private final LocalDate birthDate;

  private ResidentIdNumber(String value, LocalDate birthDate) {
    this.value = value;
    this.birthDate = birthDate;
  }

  /** What is wrong with a candidate number, if anything. */
  public enum Defect {
    WRONG_LENGTH,
    NOT_DIGITS,
    IMPOSSIBLE_BIRTH_DATE,
    CHECK_CHARACTER_MISMATCH
  }

  /** The number, or empty when it has {@link #defect(String)}. */
  public static Optional<ResidentIdNumber> parse(String candidate) {
    if (defect(candidate).isPresent()) {
      return Optional.empty();
    }
    String normalized = candidate.trim().toUpperCase(Locale.ROOT);
    return Optional.of(new ResidentIdNumber(normalized, birthDateOf(normalized).orElseThrow()));
  }

  /** The first thing wrong with {@code candidate}; empty when it is a valid number. */
  public static Optional<Defect> defect(String candidate) {
    if (candidate == null || candidate.trim().length() != 18) {
      return Optional.of(Defect.WRONG_LENGTH);
    }
    String normalized = candidate.trim().toUpperCase(Locale.ROOT);
    for (int i = 0; i < 17; i++) {
      char c = normalized.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.of(Defect.NOT_DIGITS);
      }
    }
    char last = normalized.charAt(17);
    if (!(last >= '0' && last <= '9') && last != 'X') {
      return Optional.of(Defect.NOT_DIGITS);
    }
    if (birthDateOf(normalized).isEmpty()) {
      return Optional.of(Defect.IMPOSSIBLE_BIRTH_DATE);
    }
    if (checkCharacter(normalized) != last) {
      return Optional.of(Defect.CHECK_CHARACTER_MISMATCH);
    }
    return Optional.empty();
  }

  /** The check character for the first 17 digits of {@code number}. */
  public static char checkCharacter(String number) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK_CHARACTERS[sum % 11];
  }

  private static Optional<LocalDate> birthDateOf(String number) {
    try {
      LocalDate date =
          LocalDate.of(
              Integer.parseInt(number.substring(6, 10)),
              Integer.parseInt(number.substring(10, 12)),
              Integer.parseInt(number.substring(12, 14)));
      return date.getYear() < 1900 ? Optional.empty() : Optional.of(date);
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  public LocalDate birthDate() {
    return birthDate;
  }

  /** Whole years of age on {@code day}. */
  public int ageOn(LocalDate day) {
    return Period.between(birthDate, day).getYears();
  }

  /** The two-digit GB/T 2260 province code of the region where the number was issued. */
  public String provinceCode() {
    return value.substring(0, 2);
  }

  /** The full number, for storage or comparison; never for logs or URLs. */
  public String reveal() {
    return value;
  }

  /** The number with all but its first four and last two characters hidden. */
  public static String mask(String number) {
    if (number == null || number.length() < 8) {
      return "****";
    }
    return number.substring(0, 4)
        + "*".repeat(number.length() - 6)
        + number.substring(number.length() - 2);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ResidentIdNumber id && id.value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value);
  }

  @Override
  public String toString() {
    return mask(value);
  }
}
