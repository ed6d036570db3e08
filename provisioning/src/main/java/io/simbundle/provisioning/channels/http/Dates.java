package io.simbundle.provisioning.channels.http;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Days and months as the API writes them in paths and queries; anything else is a 400. */
public final class Dates {

  private Dates() {}

  /**
   * @throws ProblemException 400 unless {@code text} is a day written yyyy-MM-dd
   */
  public static LocalDate day(String name, String text) {
    if (text == null) {
      throw new ProblemException(Problem.badRequest(name + " is required (yyyy-MM-dd)"));
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new ProblemException(Problem.badRequest(name + " is yyyy-MM-dd, was " + text));
    }
  }

  /**
   * @throws ProblemException 400 unless {@code text} is a month written yyyy-MM
   */
  public static YearMonth month(String text) {
    try {
      return YearMonth.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      throw new ProblemException(Problem.badRequest("the month is written yyyy-MM, e.g. 2026-12"));
    }
  }
}
