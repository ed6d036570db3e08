package io.simbundle.platform.settings;

/** A configuration value that cannot be used; the message names the key and why. */
public final class InvalidSettingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidSettingException(String key, String value, String reason) {
    super(
        "setting "
            + key
            + " (or "
            + Settings.environmentName(key)
            + ") = '"
            + value
            + "' is invalid: "
            + reason);
  }
}
