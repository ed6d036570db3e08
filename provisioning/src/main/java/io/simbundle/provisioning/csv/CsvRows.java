package io.simbundle.provisioning.csv;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Lines of the CSV files the engine writes (RFC 4180): a field is quoted only when it holds a
 * comma, a quote or a newline; a missing one is empty.
 */
public final class CsvRows {

  private CsvRows() {}

  /** One line, its fields joined by commas and ended by a newline. */
  public static String line(Object... fields) {
    return Arrays.stream(fields).map(CsvRows::field).collect(Collectors.joining(",", "", "\n"));
  }

  private static String field(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }
}
