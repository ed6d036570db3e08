package io.simbundle.rules.decision;

import java.util.Objects;

/**
 * Why a decision came out as it did.
 *
 * @param code a stable code for programs, e.g. {@code PROVINCE_NOT_SERVED}
 * @param message the explanation in English
 * @param messageZh the explanation in Chinese
 * @param rule the name of the rule that gave it
 */
public record Reason(String code, String message, String messageZh, String rule) {
  public Reason {
    Objects.requireNonNull(code);
    Objects.requireNonNull(message);
    Objects.requireNonNull(messageZh);
    Objects.requireNonNull(rule);
  }
}
