package io.simbundle.provisioning.sales.inventory;

import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers, kept in E.164 form without the plus: {@code 8618600000001}. */
public final class PhoneNumbers {

  private static final Pattern NATIONAL = Pattern.compile("1[3-9]\\d{9}");

  private PhoneNumbers() {}

  /** The E.164 form of an 11-digit national number, with or without {@code 86} or {@code +86}. */
  public static Optional<String> normalize(String number) {
    String digits = number.trim();
    if (digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    if (digits.length() == 13 && digits.startsWith("86")) {
      digits = digits.substring(2);
    }
    return NATIONAL.matcher(digits).matches() ? Optional.of("86" + digits) : Optional.empty();
  }
}
