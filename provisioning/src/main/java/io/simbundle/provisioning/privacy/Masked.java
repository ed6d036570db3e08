package io.simbundle.provisioning.privacy;

/** Personal data as it may appear in logs, responses and the admin's screens. */
public final class Masked {

  private Masked() {}

  /** {@code 440301199001011234} → {@code 4403**********1234}: region and last four only. */
  public static String idNumber(String idNumber) {
    String trimmed = idNumber.trim();
    if (trimmed.length() < 8) {
      return "*".repeat(trimmed.length());
    }
    return trimmed.substring(0, 4)
        + "*".repeat(trimmed.length() - 8)
        + trimmed.substring(trimmed.length() - 4);
  }

  /** {@code 张三丰} → {@code 张**}: the family name only. */
  public static String name(String name) {
    String trimmed = name.trim();
    if (trimmed.isEmpty()) {
      return "";
    }
    int first = trimmed.offsetByCodePoints(0, 1);
    return trimmed.substring(0, first)
        + "*".repeat(trimmed.codePointCount(first, trimmed.length()));
  }
}
