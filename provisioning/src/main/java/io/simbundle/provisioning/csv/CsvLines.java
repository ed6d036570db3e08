package io.simbundle.provisioning.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the CSV files people hand the engine (inventory batches, store order files): a header
 * naming the columns (any order, case-insensitive), then one record a line, blank lines skipped.
 * Line numbers are the file's own, so a report can name the line to fix. A record is one line: a
 * quoted field cannot span lines.
 */
public final class CsvLines {

  private static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(CsvParser.Feature.TRIM_SPACES)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();

  /** One record: its line number and its values by (lower-case) column name. */
  public record Row(long line, Map<String, String> values) {

    /**
     * @throws IllegalArgumentException when the column is empty on this line
     */
    public String required(String column) {
      return optional(column)
          .orElseThrow(() -> new IllegalArgumentException(column + " is missing"));
    }

    public Optional<String> optional(String column) {
      String value = values.get(column);
      return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
  }

  /** What is done with each record. */
  public interface Handler {
    void row(Row row);

    /** A line that is not well-formed CSV; the lines after it are still read. */
    void malformed(long line, String reason);
  }

  private CsvLines() {}

  /**
   * @throws InvalidCsvException when the file has no usable header or more than {@code maxLines}
   *     records; the message names the line
   */
  public static void read(
      Reader reader, List<String> requiredColumns, int maxLines, Handler handler) {
    try (BufferedReader lines = new BufferedReader(reader)) {
      Header columns = null;
      long line = 0;
      int records = 0;
      for (String text = lines.readLine(); text != null; text = lines.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        if (columns == null) {
          columns = header(requiredColumns, line, text);
          continue;
        }
        if (++records > maxLines) {
          throw new InvalidCsvException(
              "line " + line + ": a file holds at most " + maxLines + " lines; split it");
        }
        String[] fields;
        try {
          fields = CSV.readerFor(String[].class).readValue(text);
        } catch (IOException e) {
          handler.malformed(line, "malformed CSV: " + message(e));
          continue;
        }
        if (fields.length > columns.width()) {
          // Values with no column to go to: a shifted or mistyped line, not one to half-read.
          handler.malformed(
              line,
              "the line has "
                  + fields.length
                  + " values but the header "
                  + columns.width()
                  + " columns");
          continue;
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, Integer> column : columns.indexes().entrySet()) {
          if (column.getValue() < fields.length) {
            values.put(column.getKey(), fields[column.getValue()]);
          }
        }
        handler.row(new Row(line, values));
      }
      if (columns == null) {
        throw new InvalidCsvException(
            "line 1: the file is empty; expected the header " + String.join(",", requiredColumns));
      }
    } catch (IOException e) {
      throw new InvalidCsvException("cannot read the file: " + e.getMessage());
    }
  }

  /** The header: each column's index by lower-case name, and how many columns it has. */
  private record Header(Map<String, Integer> indexes, int width) {}

  private static Header header(List<String> required, long line, String text) {
    String[] names;
    try {
      names = CSV.readerFor(String[].class).readValue(text);
    } catch (IOException e) {
      throw new InvalidCsvException("line " + line + ": cannot read the header: " + message(e));
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      columns.put(names[i].toLowerCase(Locale.ROOT), i);
    }
    List<String> missing = required.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidCsvException(
          "line "
              + line
              + ": the header lacks column(s) "
              + String.join(", ", missing)
              + "; expected "
              + String.join(",", required));
    }
    return new Header(columns, names.length);
  }

  private static String message(IOException e) {
    return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
  }
}
