package io.simbundle.provisioning.sales.inventory;

import io.simbundle.catalog.product.Province;
import io.simbundle.provisioning.csv.CsvLines;
import io.simbundle.provisioning.csv.InvalidCsvException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an inventory CSV file ({@link CsvLines}): one card or number a line. Every line is checked
 * on its own; bad ones are kept with their line number and reason, so one typo does not cost a
 * whole batch.
 */
final class InventoryFile {

  static final int MAX_LINES = 500_000;

  private static final Pattern ICCID = Pattern.compile("89\\d{17,18}");
  private static final Pattern IMSI = Pattern.compile("460\\d{12}");

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
    int[] linesRead = {0};
    try {
      CsvLines.read(
          csv,
          kind.columns(),
          MAX_LINES,
          new CsvLines.Handler() {
            @Override
            public void row(CsvLines.Row row) {
              linesRead[0]++;
              Item item;
              try {
                item = item(kind, row);
              } catch (IllegalArgumentException e) {
                rejected.add(new RejectedLine(row.line(), e.getMessage()));
                return;
              }
              Long first = seen.putIfAbsent(item.key(), row.line());
              Long firstImsi =
                  item.imsi().map(i -> seenImsi.putIfAbsent(i, row.line())).orElse(null);
              if (first != null) {
                rejected.add(new RejectedLine(row.line(), "repeats line " + first));
              } else if (firstImsi != null) {
                rejected.add(new RejectedLine(row.line(), "IMSI repeats line " + firstImsi));
              } else {
                items.add(item);
              }
            }

            @Override
            public void malformed(long line, String reason) {
              linesRead[0]++;
              rejected.add(new RejectedLine(line, reason));
            }
          });
    } catch (InvalidCsvException e) {
      throw new InvalidInventoryFileException(e.getMessage());
    }
    return new Contents(linesRead[0], items, rejected);
  }

  private static Item item(InventoryKind kind, CsvLines.Row row) {
    String code = row.required("province");
    Province province =
        Province.fromCode(code)
            .orElseThrow(
                () ->
                    new IllegalArgumentException("province '" + code + "' is not a code like GD"));
    if (kind == InventoryKind.PHONE_NUMBER) {
      String number = row.required("msisdn");
      String msisdn =
          PhoneNumbers.normalize(number)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "MSISDN '" + number + "' is not a mainland mobile number"));
      return new Item(row.line(), msisdn, Optional.empty(), province);
    }
    String iccid = row.required("iccid");
    if (!ICCID.matcher(iccid).matches()) {
      throw new IllegalArgumentException(
          "ICCID '" + iccid + "' is not 19 or 20 digits starting with 89");
    }
    String imsi = row.required("imsi");
    if (!IMSI.matcher(imsi).matches()) {
      throw new IllegalArgumentException(
          "IMSI '" + imsi + "' is not 15 digits starting with 460 (a mainland operator)");
    }
    return new Item(row.line(), iccid, Optional.of(imsi), province);
  }
}
