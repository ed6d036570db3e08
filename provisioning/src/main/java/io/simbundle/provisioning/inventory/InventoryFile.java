package io.simbundle.provisioning.inventory;

import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.simbundle.catalog.product.Province;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an inventory CSV file: a header naming the kind's columns (any order, case-insensitive),
 * then one card or number a line. Every line is checked on its own; bad ones are kept with their
 * line number and reason, so one typo does not cost a whole batch. A record is one line: a quoted
 * field cannot span lines (no inventory field needs to).
 */
final class InventoryFile {

  static final int MAX_LINES = 500_000;

  private static final Pattern ICCID = Pattern.compile("89\\d{17,18}");
  private static final Pattern IMSI = Pattern.compile("460\\d{12}");
  private static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(CsvParser.Feature.TRIM_SPACES)
          .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
          .build();

  /** One good line: the item's key (ICCID or MSISDN), its IMSI for cards, its province. */
  record Item(long line, String key, Optional<String> imsi, Province province) {}

  /** What the file held. */
  record Contents(int linesRead, List<Item> items, List<RejectedLine> rejected) {}

  private InventoryFile() {}

  /**
   * @throws InvalidInventoryFileException when the file has no usable header
   */
  static Contents read(InventoryKind kind, Reader csv) {
    List<Item> items = new ArrayList<>();
    List<RejectedLine> rejected = new ArrayList<>();
    Map<String, Long> seen = new HashMap<>();
    Map<String, Long> seenImsi = new HashMap<>();
    int linesRead = 0;
    // Line by line, so that a reported line number is the line of the file, blank lines included.
    try (BufferedReader lines = new BufferedReader(csv)) {
      Map<String, Integer> columns = null;
      long line = 0;
      for (String text = lines.readLine(); text != null; text = lines.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        if (columns == null) {
          columns = header(kind, line, text);
          continue;
        }
        if (++linesRead > MAX_LINES) {
          throw new InvalidInventoryFileException(
              "line " + line + ": a file holds at most " + MAX_LINES + " lines; split it");
        }
        Item item;
        try {
          item = item(kind, line, fields(text), columns);
        } catch (IllegalArgumentException e) {
          rejected.add(new RejectedLine(line, e.getMessage()));
          continue;
        }
        Long first = seen.putIfAbsent(item.key(), line);
        long itemLine = line;
        Long firstImsi = item.imsi().map(i -> seenImsi.putIfAbsent(i, itemLine)).orElse(null);
        if (first != null) {
          rejected.add(new RejectedLine(line, "repeats line " + first));
        } else if (firstImsi != null) {
          rejected.add(new RejectedLine(line, "IMSI repeats line " + firstImsi));
        } else {
          items.add(item);
        }
      }
      if (columns == null) {
        throw new InvalidInventoryFileException(
            "line 1: the file is empty; expected the header " + String.join(",", kind.columns()));
      }
    } catch (IOException e) {
      throw new InvalidInventoryFileException("cannot read the file: " + e.getMessage());
    }
    return new Contents(linesRead, items, rejected);
  }

  private static String[] fields(String line) {
    try {
      return CSV.readerFor(String[].class).readValue(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed CSV: " + message(e));
    }
  }

  private static Map<String, Integer> header(InventoryKind kind, long line, String text) {
    String[] names;
    try {
      names = CSV.readerFor(String[].class).readValue(text);
    } catch (IOException e) {
      throw new InvalidInventoryFileException(
          "line " + line + ": cannot read the header: " + message(e));
    }
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      columns.put(names[i].toLowerCase(Locale.ROOT), i);
    }
    List<String> missing =
        kind.columns().stream().filter(column -> !columns.containsKey(column)).toList();
    if (!missing.isEmpty()) {
      throw new InvalidInventoryFileException(
          "line "
              + line
              + ": the header lacks column(s) "
              + String.join(", ", missing)
              + "; expected "
              + String.join(",", kind.columns()));
    }
    return columns;
  }

  private static Item item(
      InventoryKind kind, long line, String[] row, Map<String, Integer> columns) {
    Province province =
        Province.fromCode(value(row, columns, "province"))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "province '"
                            + value(row, columns, "province")
                            + "' is not a code like GD"));
    if (kind == InventoryKind.PHONE_NUMBER) {
      String number = value(row, columns, "msisdn");
      String msisdn =
          PhoneNumbers.normalize(number)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "MSISDN '" + number + "' is not a mainland mobile number"));
      return new Item(line, msisdn, Optional.empty(), province);
    }
    String iccid = value(row, columns, "iccid");
    if (!ICCID.matcher(iccid).matches()) {
      throw new IllegalArgumentException(
          "ICCID '" + iccid + "' is not 19 or 20 digits starting with 89");
    }
    String imsi = value(row, columns, "imsi");
    if (!IMSI.matcher(imsi).matches()) {
      throw new IllegalArgumentException(
          "IMSI '" + imsi + "' is not 15 digits starting with 460 (a mainland operator)");
    }
    return new Item(line, iccid, Optional.of(imsi), province);
  }

  private static String value(String[] row, Map<String, Integer> columns, String column) {
    int index = columns.get(column);
    if (index >= row.length || row[index].isEmpty()) {
      throw new IllegalArgumentException(column + " is missing");
    }
    return row[index];
  }

  private static String message(IOException e) {
    return e instanceof com.fasterxml.jackson.core.JsonProcessingException j
        ? j.getOriginalMessage()
        : e.getMessage();
  }
}
