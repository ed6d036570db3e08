package io.simbundle.provisioning.sales.report;

/** Fields of the reports' CSV files (RFC 4180): quoted when they hold a comma, quote or newline. */
final class Csv {

  private Csv() {}

  static String field(String value) {
    if (value == null) {
      return "";
    }
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return '"' + value.replace("\"", "\"\"") + '"';
    }
    return value;
  }
}
